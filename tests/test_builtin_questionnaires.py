"""The built-in questionnaires: they load, are complete, cite sources, and score sensibly.

"Worst case" answers every scored question with its riskiest answer (the highest-scoring
option of a risk question, the lowest of a mitigation question); "best case" does the
opposite. Info questions stay unanswered in both. The worst case must come out severe; the
best case low, with no high or severe finding.
"""

from __future__ import annotations

import re

import pytest

from workerimpact.assessment import Answer, answer_problem, new_assessment
from workerimpact.loader import load_questionnaire
from workerimpact.paths import builtin_questionnaires_dir
from workerimpact.questionnaire import CHOICE_TYPES, Question, Questionnaire
from workerimpact.scoring import score_assessment, score_questionnaire

BUILTIN_IDS = ("worker-surveillance", "job-quality", "health-safety")
ALL_TYPES = {"single_choice", "multiple_choice", "yes_no", "scale", "number", "text", "date"}
TYPES_IN_EACH = {"yes_no", "single_choice", "multiple_choice", "scale"}

# Every citation names one of the sources listed in docs/sources (CONTENT.md).
KNOWN_SOURCES = (
    "EO 14110",
    "DOL, AI and Worker Well-being",
    "DOL WHD Field Assistance Bulletin 2024-1",
    "NLRB GC Memo 23-02",
    "UC Berkeley Labor Center",
    "IFOW Good Work",
    "Partnership on AI",
    "California AB 701",
    "ISO 45003",
    "ISO 10218",
    "ISO/TS 15066",
    "OSHA General Duty Clause",
    "EU AI Act",
    "Illinois BIPA",
    "NYC Local Law 144",
    "Colorado SB 24-205",
    "WARN Act",
    "NLRA duty to bargain",
    "New York Civil Rights Law",
    "Government of Canada",
)

# (questionnaire, gate question, answer that closes the gate, follow-ups it hides)
GATES = (
    ("worker-surveillance", "emotion_recognition", "no", {"emotion_uses"}),
    ("worker-surveillance", "data_collected", ["none"], {"location_off_duty", "biometric_consent"}),
    ("worker-surveillance", "used_for", ["none"], {"human_review"}),
    ("worker-surveillance", "data_shared", ["none"], {"sharing_consent"}),
    ("job-quality", "sets_pay", "no", {"pay_explained"}),
    ("job-quality", "time_rules", ["none"], {"hours_correction"}),
    (
        "job-quality",
        "decision_uses",
        ["none"],
        {"decision_role", "human_review", "appeal", "bias_audit"},
    ),
    ("job-quality", "job_loss", "no", {"jobs_lost", "layoff_notice", "transition_support"}),
    (
        "health-safety",
        "quotas",
        "no",
        {"quota_disclosed", "quota_breaks", "quota_setting", "quota_missed"},
    ),
    ("health-safety", "robots", "no", {"robot_contact", "robot_safeguards"}),
)


@pytest.fixture(scope="module")
def questionnaires() -> dict[str, Questionnaire]:
    folder = builtin_questionnaires_dir()
    return {qid: load_questionnaire(folder / f"{qid}.json") for qid in BUILTIN_IDS}


# --- answer building ---------------------------------------------------------------------


def _score(option) -> float:
    return option.score or 0.0


def _pick(question: Question, high: bool) -> str | list[str]:
    """The option(s) giving the most (high) or the fewest points."""
    options = question.options
    if question.type != "multiple_choice":
        chosen = (max if high else min)(options, key=_score)
        return chosen.id
    together = [option for option in options if not option.exclusive]
    exclusive = [option for option in options if option.exclusive]
    # Candidates: every non-exclusive option together, or one option on its own.
    candidates = [([o.id for o in together], sum(_score(o) for o in together))] if high else []
    candidates += [([o.id], _score(o)) for o in (exclusive + ([] if high else together))]
    ids, _ = (max if high else min)(candidates, key=lambda item: item[1])
    return ids


def scenario(questionnaire: Questionnaire, worst: bool) -> dict[str, Answer]:
    """Answer every scored question at its riskiest (worst) or safest (best) answer.

    Hidden questions are answered too; scoring ignores answers to hidden questions.
    """
    answers = {}
    for question in questionnaire.questions():
        if not question.scored:
            continue
        high = (question.role == "risk") == worst
        answers[question.id] = Answer(value=_pick(question, high))
    return answers


def _assess(questionnaires: dict[str, Questionnaire], worst: bool):
    assessment = new_assessment(list(questionnaires.values()), system="test")
    assessment.answers = {
        qid: scenario(questionnaire, worst) for qid, questionnaire in questionnaires.items()
    }
    return score_assessment(assessment)


# --- structure and content ---------------------------------------------------------------


def test_all_builtin_files_load(questionnaires):
    assert set(questionnaires) == set(BUILTIN_IDS)
    for qid, questionnaire in questionnaires.items():
        assert questionnaire.id == qid
        assert questionnaire.version == "1.0.0"
        assert questionnaire.language == "en"


def test_builtin_folder_holds_only_valid_questionnaires():
    for path in sorted(builtin_questionnaires_dir().glob("*.json")):
        load_questionnaire(path)


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_size(questionnaires, qid):
    questionnaire = questionnaires[qid]
    assert len(questionnaire.questions()) >= 20
    assert len(questionnaire.rules) >= 8
    assert 4 <= len(questionnaire.dimensions) <= 6
    assert 4 <= len(questionnaire.sections) <= 6


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_every_question_and_rule_cites_a_known_source(questionnaires, qid):
    questionnaire = questionnaires[qid]
    cited = [(q.id, q.source) for q in questionnaire.questions()]
    cited += [(rule.id, rule.source) for rule in questionnaire.rules]
    for item_id, source in cited:
        assert source and source.strip(), f"{item_id} has no source"
        for part in source.split(";"):
            assert part.strip().startswith(KNOWN_SOURCES), f"{item_id}: unknown source {part!r}"


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_questions_have_guidance_and_stable_ids(questionnaires, qid):
    for question in questionnaires[qid].questions():
        assert question.help.strip(), f"{question.id} has no help"
        assert re.fullmatch(r"[a-z][a-z0-9_]*", question.id), question.id
    for rule in questionnaires[qid].rules:
        assert rule.explanation.strip() and rule.recommendation.strip()
        assert re.fullmatch(r"[a-z][a-z0-9-]*", rule.id), rule.id


def test_every_question_type_is_used(questionnaires):
    used = {q.type for questionnaire in questionnaires.values() for q in questionnaire.questions()}
    assert used == ALL_TYPES
    for qid, questionnaire in questionnaires.items():
        types = {q.type for q in questionnaire.questions()}
        assert TYPES_IN_EACH <= types, f"{qid} lacks {TYPES_IN_EACH - types}"


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_scored_questions_are_choices_with_scores(questionnaires, qid):
    for question in questionnaires[qid].questions():
        if question.type not in CHOICE_TYPES:
            assert question.role == "info", question.id
        if question.scored:
            assert question.dimension, question.id
            assert all(option.score is not None for option in question.options), question.id
            assert min(_score(o) for o in question.options) == 0, question.id


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_multiple_choice_has_one_exclusive_zero_option(questionnaires, qid):
    for question in questionnaires[qid].questions():
        if question.type != "multiple_choice":
            continue
        exclusive = [option for option in question.options if option.exclusive]
        assert len(exclusive) == 1, question.id
        if question.scored:
            assert exclusive[0].score == 0, question.id


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_each_dimension_has_risk_and_mitigation_questions(questionnaires, qid):
    questionnaire = questionnaires[qid]
    for dimension in questionnaire.dimensions:
        roles = {q.role for q in questionnaire.questions() if q.dimension == dimension.id}
        assert {"risk", "mitigation"} <= roles, f"{qid}/{dimension.id}: {roles}"


@pytest.mark.parametrize("qid", BUILTIN_IDS)
def test_has_skip_logic_critical_findings_and_required_questions(questionnaires, qid):
    questionnaire = questionnaires[qid]
    followups = [q for q in questionnaire.questions() if q.show_if is not None]
    assert followups
    assert any(q.scored for q in followups), "a scored follow-up"
    assert any(rule.minimum_level for rule in questionnaire.rules)
    required = [q for q in questionnaire.questions() if q.required]
    assert required and len(required) < len(questionnaire.questions())


@pytest.mark.parametrize("worst", [True, False])
def test_scenario_answers_are_valid(questionnaires, worst):
    for questionnaire in questionnaires.values():
        for question_id, answer in scenario(questionnaire, worst).items():
            problem = answer_problem(questionnaire.question(question_id), answer.value)
            assert problem is None, f"{questionnaire.id}/{question_id}: {problem}"


# --- scoring -----------------------------------------------------------------------------


def test_worst_case_is_severe(questionnaires):
    result = _assess(questionnaires, worst=True)
    assert result.overall.level == "severe"
    for item in result.questionnaires:
        assert item.result.level == "severe", item.id
        assert item.result.score >= 75, item.id
        assert not item.hidden, f"{item.id}: worst-case answers should open every follow-up"
        for dimension in item.dimensions:
            assert dimension.result.level == "severe", f"{item.id}/{dimension.id}"
    assert any(finding.severity == "severe" for finding in result.findings)


def test_best_case_is_low_with_no_serious_findings(questionnaires):
    result = _assess(questionnaires, worst=False)
    assert result.overall.level == "low"
    for item in result.questionnaires:
        assert item.result.level == "low", item.id
        for dimension in item.dimensions:
            assert dimension.result.level in (None, "low"), f"{item.id}/{dimension.id}"
    serious = [
        (f.questionnaire_id, f.id) for f in result.findings if f.severity in ("high", "severe")
    ]
    assert serious == []


def test_best_case_hides_every_follow_up(questionnaires):
    for qid, questionnaire in questionnaires.items():
        result = score_questionnaire(questionnaire, scenario(questionnaire, worst=False))
        followups = {q.id for q in questionnaire.questions() if q.show_if is not None}
        assert result.hidden == followups, qid


def test_best_case_leaves_only_info_questions_unanswered(questionnaires):
    result = _assess(questionnaires, worst=False)
    for item in result.unanswered:
        question = questionnaires[item.questionnaire_id].question(item.question_id)
        assert question.role == "info", f"{item.questionnaire_id}/{item.question_id}"


def test_blank_answers_fire_no_findings(questionnaires):
    for questionnaire in questionnaires.values():
        result = score_questionnaire(questionnaire, {})
        assert result.findings == (), [f.id for f in result.findings]
        assert result.result.level is None
        assert result.unanswered


@pytest.mark.parametrize(("qid", "gate", "closed", "followups"), GATES)
def test_gate_hides_and_shows_follow_ups(questionnaires, qid, gate, closed, followups):
    questionnaire = questionnaires[qid]
    question = questionnaire.question(gate)
    assert question is not None and question.role == "risk", "gates are risk questions"
    for followup in followups:
        assert questionnaire.question(followup) is not None, followup

    closed_result = score_questionnaire(questionnaire, {gate: Answer(value=closed)})
    assert followups <= closed_result.hidden

    opened = _pick(question, high=True)
    open_result = score_questionnaire(questionnaire, {gate: Answer(value=opened)})
    assert not (followups & open_result.hidden)
    # Answers given to hidden follow-ups are ignored by scoring.
    ignored = {gate: Answer(value=closed)}
    ignored.update({f: Answer(value=_answer_any(questionnaire.question(f))) for f in followups})
    assert score_questionnaire(questionnaire, ignored).result == closed_result.result


def _answer_any(question: Question):
    if question.type == "multiple_choice":
        return [question.options[0].id]
    if question.type in CHOICE_TYPES:
        return question.options[0].id
    if question.type == "number":
        return 10
    if question.type == "date":
        return "2025-01-01"
    return "text"


def test_critical_findings_force_their_level(questionnaires):
    """One critical answer alone raises the questionnaire to the finding's minimum level."""
    cases = (
        ("worker-surveillance", {"notice_given": "not_told"}, "covert-monitoring", "severe"),
        (
            "worker-surveillance",
            {"predictions": ["union"]},
            "predicts-organizing",
            "severe",
        ),
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
        assert rule_id in [finding.id for finding in result.result.forced_by]
