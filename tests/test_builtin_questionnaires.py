"""The built-in questionnaires 2.0.0: they load, cite sources rightly, and score sensibly.

"Worst case" answers every scored question with its riskiest ordinary answer, "best case"
with its safest (see ``builtin_answers``). The worst case must come out severe; the best
case low, with no finding at all. Calibration against situations a practitioner knows is in
``test_calibration.py``; reading grade in ``test_reading_grade.py``.
"""

from __future__ import annotations

import re

import pytest
from builtin_answers import BUILTIN_IDS, builtin, pick, scenario

from workerimpact.assessment import Answer, answer_problem, new_assessment
from workerimpact.loader import load_questionnaire
from workerimpact.paths import builtin_questionnaires_dir
from workerimpact.questionnaire import CHOICE_TYPES, Question, Questionnaire
from workerimpact.scoring import score_assessment, score_questionnaire

STAGES = ("planned", "pilot", "in_operation")

# Every citation part names one of these sources (shared/sources/CONTENT.md and the laws it
# points to). Their status and the date they were checked are in SOURCE_STATUS.
KNOWN_SOURCES = (
    "EO 14110",
    "DOL AI Principles",
    "DOL AI Best Practices",
    "DOL WHD FAB 2024-1",
    "FLSA",
    "PUMP Act",
    "EPPA",
    "NLRA",
    "Colgate-Palmolive",
    "NLRB v. Acme Industrial",
    "NLRB GC 23-02",
    "UC Berkeley Labor Center",
    "IFOW Good Work Charter (2018)",
    "IFOW Good Work Algorithmic Impact Assessment (2023)",
    "Partnership on AI",
    "California AB 701",
    "OSH Act",
    "29 CFR 1904",
    "ISO 45003:2021",
    "ISO 10218",
    "ISO/TS 15066",
    "ISO 3691-4",
    "ANSI/RIA R15.08",
    "EU AI Act",
    "Illinois BIPA",
    "Illinois HB 3773",
    "NYC Local Law 144",
    "Colorado SB 24-205",
    "WARN Act",
    "New York Civil Rights Law §52-c",
    "ADA",
    "PWFA",
    "Title VII",
    "CCPA",
    "Oregon ORS 653.412",
    "Government of Canada",
)

# Statutes and regulations: each citation of one must name its section or article.
STATUTES = (
    "FLSA",
    "PUMP Act",
    "EPPA",
    "NLRA",
    "California AB 701",
    "OSH Act",
    "EU AI Act",
    "Illinois BIPA",
    "Illinois HB 3773",
    "NYC Local Law 144",
    "Colorado SB 24-205",
    "WARN Act",
    "ADA",
    "PWFA",
    "Title VII",
    "CCPA",
)

# (questionnaire, gate question, answer that closes the gate, follow-ups it hides)
GATES = (
    ("worker-surveillance", "emotion_inference", "no", {"emotion_uses"}),
    ("worker-surveillance", "data_collected", ["none"], {"location_off_duty", "biometric_consent"}),
    ("worker-surveillance", "used_for", ["none"], {"human_review"}),
    ("worker-surveillance", "data_shared", ["none"], {"sharing_consent"}),
    ("worker-surveillance", "live_access", "no", {"live_sign"}),
    ("job-quality", "sets_pay", "no", {"pay_explained"}),
    ("job-quality", "time_rules", ["none"], {"hours_correction"}),
    (
        "job-quality",
        "decision_uses",
        ["none"],
        {"decision_role", "human_review", "appeal", "bias_audit", "decision_errors"},
    ),
    ("job-quality", "job_loss", "no", {"jobs_lost", "layoff_notice", "transition_support"}),
    (
        "health-safety",
        "quotas",
        "no",
        {"quota_disclosed", "speed_data_access", "quota_breaks", "quota_setting", "quota_missed"},
    ),
    ("health-safety", "robots", "no", {"robot_contact", "robot_safeguards"}),
)


@pytest.fixture(scope="module")
def questionnaires() -> dict[str, Questionnaire]:
    return {qid: builtin(qid) for qid in BUILTIN_IDS}


def _parts(source: str) -> list[str]:
    return [part.strip() for part in source.split(";")]


def _cited(questionnaire: Questionnaire) -> list[tuple[str, str]]:
    cited = [(q.id, q.source or "") for q in questionnaire.questions()]
    return cited + [(rule.id, rule.source) for rule in questionnaire.rules]


def _choice_questions(questionnaire: Questionnaire) -> list[Question]:
    return [q for q in questionnaire.questions() if q.type in CHOICE_TYPES]


# --- structure ---------------------------------------------------------------------------


def test_all_builtin_files_load_as_version_2(questionnaires):
    assert set(questionnaires) == set(BUILTIN_IDS)
    for qid, questionnaire in questionnaires.items():
        assert questionnaire.id == qid
        assert questionnaire.version == "2.0.0"
        assert questionnaire.language == "en"
        assert questionnaire.scoring.model_name == "findings-floor/2"


def test_builtin_folder_holds_only_valid_questionnaires():
    for path in sorted(builtin_questionnaires_dir().glob("*.json")):
        load_questionnaire(path)


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_size(questionnaires, qid):
    questionnaire = questionnaires[qid]
    assert len(questionnaire.questions()) >= 30
    assert len(questionnaire.rules) >= 20
    assert 4 <= len(questionnaire.dimensions) <= 6
    assert 4 <= len(questionnaire.sections) <= 6


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_questions_have_guidance_and_stable_ids(questionnaires, qid):
    for question in questionnaires[qid].questions():
        assert question.help.strip(), f"{question.id} has no help"
        assert re.fullmatch(r"[a-z][a-z0-9_]*", question.id), question.id
    for rule in questionnaires[qid].rules:
        assert rule.explanation.strip() and rule.recommendation.strip()
        assert re.fullmatch(r"[a-z][a-z0-9-]*", rule.id), rule.id


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_every_rule_says_why_its_severity(questionnaires, qid):
    for rule in questionnaires[qid].rules:
        assert rule.severity_reason and len(rule.severity_reason.split()) >= 8, rule.id
        assert rule.minimum_level is None, f"{rule.id}: the severity is the floor"


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_scored_questions_are_choices_with_scores(questionnaires, qid):
    for question in questionnaires[qid].questions():
        if question.type not in CHOICE_TYPES:
            assert question.role == "info", question.id
        if question.scored:
            assert question.dimension, question.id
            ordinary = [option for option in question.options if not option.special]
            assert all(option.score is not None for option in ordinary), question.id
            assert min(option.score for option in ordinary) == 0, question.id


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_multiple_choice_has_one_none_option(questionnaires, qid):
    for question in questionnaires[qid].questions():
        if question.type != "multiple_choice":
            continue
        none = [
            o for o in question.options if o.exclusive and not o.special and o.id != "dont_know"
        ]
        assert len(none) == 1, question.id
        if question.scored:
            assert none[0].score == 0, question.id


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_each_dimension_has_risk_and_mitigation_questions(questionnaires, qid):
    questionnaire = questionnaires[qid]
    for dimension in questionnaire.dimensions:
        roles = {q.role for q in questionnaire.questions() if q.dimension == dimension.id}
        assert {"risk", "mitigation"} <= roles, f"{qid}/{dimension.id}: {roles}"


# --- Don't know, Not applicable, stages ---------------------------------------------------


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_every_choice_question_offers_dont_know(questionnaires, qid):
    for question in _choice_questions(questionnaires[qid]):
        if question.scored:
            option = question.option_of_kind("dont_know")
            assert option is not None, f"{question.id} has no Don't know"
            assert option.recommendation and option.recommendation.strip(), question.id
        else:
            # Context questions are not scored: "Don't know" is an ordinary answer there.
            assert any(o.label == "Don't know" for o in question.options), question.id


def test_questions_that_may_not_apply_offer_not_applicable(questionnaires):
    expected = {
        "worker-surveillance": {
            "monitoring_bargained",
            "union_information",
            "score_explained",
            "vendor_contract",
            "vendor_evidence",
            "error_rate",
            "override_log",
        },
        "job-quality": {
            "bargaining",
            "gains_shared",
            "override",
            "accommodation",
            "unequal_impact",
        },
        "health-safety": {
            "pace_bargained",
            "safety_committee",
            "reporting_time_counted",
            "safety_meeting_counted",
            "helping_time_counted",
        },
    }
    for qid, ids in expected.items():
        offering = {
            q.id for q in questionnaires[qid].questions() if q.option_of_kind("not_applicable")
        }
        assert ids <= offering, f"{qid}: {ids - offering}"


def test_union_representation_is_asked_once(questionnaires):
    asking = [
        (qid, q.id)
        for qid, questionnaire in questionnaires.items()
        for q in questionnaire.questions()
        if "union" in q.text.lower() and "elected body" in q.text.lower() and q.role == "info"
    ]
    assert asking == [("job-quality", "represented")]


def test_non_union_workplaces_answer_bargaining_not_applicable(questionnaires):
    for qid, question_id in (
        ("worker-surveillance", "monitoring_bargained"),
        ("worker-surveillance", "union_information"),
        ("job-quality", "bargaining"),
        ("health-safety", "pace_bargained"),
    ):
        option = questionnaires[qid].question(question_id).option_of_kind("not_applicable")
        assert "no union or elected body" in option.label.lower(), question_id


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_questions_about_what_happened_since_launch_are_not_asked_before_it(questionnaires, qid):
    for question in questionnaires[qid].questions():
        text = question.text.lower()
        if "since the system started" in text or text.startswith("after launch, how often are"):
            planned_text = (question.text_by_stage or {}).get("planned")
            asked_planned = question.stages is None or "planned" in question.stages
            assert not asked_planned or planned_text, f"{question.id} asks about the past"
        for stage, variant in (question.text_by_stage or {}).items():
            assert stage in STAGES and variant != question.text, question.id


def test_the_planned_stage_asks_about_the_plan(questionnaires):
    health = questionnaires["health-safety"]
    planned = score_questionnaire(health, {}, stage="planned")
    running = score_questionnaire(health, {}, stage="in_operation")
    assert {"injury_trend", "sick_leave_trend"} <= planned.hidden
    assert {"injury_plan", "stress_tracking_plan"} <= running.hidden
    assert not ({"injury_plan", "stress_tracking_plan"} & planned.hidden)


# --- sources and citations ----------------------------------------------------------------


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_every_question_and_rule_cites_a_known_source(questionnaires, qid):
    for item_id, source in _cited(questionnaires[qid]):
        assert source.strip(), f"{item_id} has no source"
        for part in _parts(source):
            assert part.startswith(KNOWN_SOURCES), f"{item_id}: unknown source {part!r}"


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_every_statute_cite_names_its_section(questionnaires, qid):
    for item_id, source in _cited(questionnaires[qid]):
        for part in _parts(source):
            if part.startswith(STATUTES):
                assert re.search(r"§|Art\. |Annex|CFR|ILCS", part), f"{item_id}: {part!r}"


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_sources_that_moved_say_so(questionnaires, qid):
    questionnaire = questionnaires[qid]
    assert "revoked on 20 Jan 2025" in questionnaire.description
    assert "EO 14148" in questionnaire.description
    for item_id, source in _cited(questionnaire):
        for part in _parts(source):
            if part.startswith("EO 14110"):
                assert "revoked 20 Jan 2025" in part, item_id
            if part.startswith("NLRB GC 23-02"):
                assert "rescinded 14 Feb 2025" in part, item_id
            assert "IFOW Good Work Charter (2023)" not in part, item_id


def test_citations_the_review_found_wrong_are_fixed(questionnaires):
    health = questionnaires["health-safety"]
    for question_id in ("hazard_reporting", "no_retaliation"):
        source = health.question(question_id).source
        assert "General Duty" not in source and "1904.35" in source, question_id
    assert "§11(c)" in health.question("no_retaliation").source
    robots = health.question("robots").source
    assert "ISO 3691-4" in robots and "R15.08" in robots
    jobs = questionnaires["job-quality"]
    for rule in jobs.rules:
        if "NYC Local Law 144" in rule.source:
            # Local Law 144 covers hiring and promotion only.
            assert "hiring" in rule.title.lower() or "promotion" in rule.title.lower(), rule.id
    surveillance = questionnaires["worker-surveillance"]
    emotion = surveillance.question("emotion_inference")
    assert "Art. 5(1)(f)" in emotion.source
    assert "medical or safety" in emotion.help and "face, voice or body" in emotion.text
    quota = health.question("quotas").help
    assert "large warehouse" in quota


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_help_separates_the_law_from_good_practice(questionnaires, qid):
    stating_the_law = 0
    for question in questionnaires[qid].questions():
        help_text = question.help
        assert "A good answer" not in help_text, question.id
        if "The law asks:" in help_text:
            stating_the_law += 1
            law, _, rest = help_text.partition("The law asks:")
            assert "Good practice" not in law, question.id
            if "Good practice" in rest:
                assert "Good practice adds:" in rest, question.id
    assert stating_the_law >= 5


# --- scoring -----------------------------------------------------------------------------


@pytest.mark.parametrize("worst", [True, False])
def test_scenario_answers_are_valid(questionnaires, worst):
    for questionnaire in questionnaires.values():
        for question_id, answer in scenario(questionnaire, worst).items():
            problem = answer_problem(questionnaire.question(question_id), answer.value)
            assert problem is None, f"{questionnaire.id}/{question_id}: {problem}"


def _assess(questionnaires, worst: bool, stage: str = "in_operation"):
    assessment = new_assessment(list(questionnaires.values()), system="test", stage=stage)
    assessment.answers = {
        qid: scenario(questionnaire, worst) for qid, questionnaire in questionnaires.items()
    }
    return score_assessment(assessment)


@pytest.mark.parametrize("stage", STAGES)
def test_worst_case_is_severe(questionnaires, stage):
    result = _assess(questionnaires, worst=True, stage=stage)
    assert result.overall.level == "severe"
    for item in result.questionnaires:
        assert item.result.level == "severe", item.id
        for dimension in item.dimensions:
            assert dimension.result.level in ("high", "severe"), f"{item.id}/{dimension.id}"
    assert any(finding.severity == "severe" for finding in result.findings)


@pytest.mark.parametrize("stage", STAGES)
def test_best_case_is_low_with_no_findings(questionnaires, stage):
    result = _assess(questionnaires, worst=False, stage=stage)
    assert result.overall.level == "low"
    for item in result.questionnaires:
        assert item.result.level == "low", item.id
        for dimension in item.dimensions:
            assert dimension.result.level in (None, "low"), f"{item.id}/{dimension.id}"
    assert [(f.questionnaire_id, f.id) for f in result.findings] == []


def test_best_case_hides_every_follow_up(questionnaires):
    for qid, questionnaire in questionnaires.items():
        result = score_questionnaire(
            questionnaire, scenario(questionnaire, worst=False), stage="in_operation"
        )
        followups = {q.id for q in questionnaire.questions() if q.show_if is not None}
        assert followups <= result.hidden, qid


def test_blank_answers_fire_no_findings(questionnaires):
    for questionnaire in questionnaires.values():
        result = score_questionnaire(questionnaire, {})
        assert result.findings == (), [f.id for f in result.findings]
        assert result.unanswered


def test_dont_know_is_never_safe(questionnaires):
    for qid, questionnaire in questionnaires.items():
        for question in _choice_questions(questionnaire):
            option = question.option_of_kind("dont_know")
            if option is None:
                continue
            answers = scenario(questionnaire, worst=False)
            value = [option.id] if question.type == "multiple_choice" else option.id
            answers[question.id] = Answer(value=value)
            result = score_questionnaire(questionnaire, answers)
            if question.id in result.hidden:
                continue
            ids = {finding.id for finding in result.findings}
            assert f"find-out.{question.id}" in ids, f"{qid}/{question.id}"
            if question.scored:
                assert result.result.level != "low", f"{qid}/{question.id}"


@pytest.mark.parametrize(("qid", "gate", "closed", "followups"), GATES)
def test_gate_hides_and_shows_follow_ups(questionnaires, qid, gate, closed, followups):
    questionnaire = questionnaires[qid]
    question = questionnaire.question(gate)
    assert question is not None and question.role == "risk", "gates are risk questions"
    for followup in followups:
        assert questionnaire.question(followup) is not None, followup
    closed_result = score_questionnaire(questionnaire, {gate: Answer(value=closed)})
    assert followups <= closed_result.hidden
    for opened in (pick(question, high=True), "dont_know"):
        value = [opened] if question.type == "multiple_choice" and opened == "dont_know" else opened
        open_result = score_questionnaire(questionnaire, {gate: Answer(value=value)})
        assert not (followups & open_result.hidden), opened


def test_critical_findings_set_their_level(questionnaires):
    """One critical answer over the best case sets the questionnaire's level."""
    cases = (
        ("worker-surveillance", {"notice_given": "not_told"}, "covert-monitoring", "severe"),
        ("worker-surveillance", {"predictions": ["union"]}, "predicts-organizing", "severe"),
        (
            "job-quality",
            {"decision_uses": ["firing"], "decision_role": "system_alone"},
            "ai-alone-decides-firing",
            "severe",
        ),
        (
            "health-safety",
            {"quotas": "yes", "quota_breaks": "yes"},
            "quotas-block-breaks",
            "severe",
        ),
    )
    for qid, values, rule_id, level in cases:
        questionnaire = questionnaires[qid]
        answers = scenario(questionnaire, worst=False)
        answers.update({key: Answer(value=value) for key, value in values.items()})
        result = score_questionnaire(questionnaire, answers)
        assert rule_id in {finding.id for finding in result.findings}, rule_id
        assert result.result.level == level, rule_id


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_follow_ups_only_ever_add_risk(questionnaires, qid):
    """A riskier gate answer opens follow-ups; if one carried mitigation points, answering
    it well could take the score below where it was before the gate opened (the 1.0.0
    fault the issue measured). Follow-ups are risk questions or context."""
    for question in questionnaires[qid].questions():
        if question.show_if is not None:
            assert question.role in ("risk", "info"), question.id
