"""Moving assessments from the built-in questionnaires 1.0.0 to 2.0.0.

Assessments started on 1.0.0 keep opening and scoring as they were (they embed their
questionnaires); the published mapping carries answers over into a new revision, and
nothing is lost: every earlier answer is either carried or kept in words in a comment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from builtin_answers import BUILTIN_IDS, builtin, scenario
from helpers import EXAMPLE, REPOSITORY

from workerimpact.assessment import Answer, answer_problem, new_assessment, save_assessment
from workerimpact.errors import InputError
from workerimpact.loader import load_questionnaire
from workerimpact.scoring import score_assessment
from workerimpact.storage import Library
from workerimpact.upgrade import (
    answer_in_words,
    load_mappings,
    upgrade_assessment,
    upgrades_available,
)

V1 = Path(__file__).parent / "fixtures" / "builtin-1.0.0"


def v1(qid: str):
    return load_questionnaire(V1 / f"{qid}.json")


def v1_assessment(worst: bool, **answers):
    questionnaires = [v1(qid) for qid in BUILTIN_IDS]
    assessment = new_assessment(questionnaires, system="Pick tracker", organization="ACME")
    assessment.answers = {q.id: scenario(q, worst) for q in questionnaires}
    for qid, values in answers.items():
        assessment.answers[qid].update(values)
    return assessment


def test_the_fixtures_are_the_released_1_0_0_files():
    for qid in BUILTIN_IDS:
        questionnaire = v1(qid)
        assert questionnaire.version == "1.0.0"
        assert questionnaire.scoring.model_name == "points-share/1"


def test_the_mapping_is_complete_and_points_at_real_questions():
    (mapping,) = load_mappings()
    assert (mapping.from_version, mapping.to_version) == ("1.0.0", "2.0.0")
    for qid in BUILTIN_IDS:
        old, new = v1(qid), builtin(qid)
        listed = mapping.questionnaires.get(qid, {})
        for question in old.questions():
            entry = listed.get(question.id)
            target = new.question(question.id)
            if entry is None:
                # Unlisted: same id, and every old option still offered.
                assert target is not None, f"{qid}/{question.id} vanished but is not mapped"
                for option in question.options:
                    assert target.option(option.id) is not None, (
                        f"{qid}/{question.id}: option {option.id} vanished but is not mapped"
                    )
                continue
            assert entry.why.strip() and entry.to, question.id
            assert set(entry.options) <= {o.id for o in question.options}, question.id
            for name in entry.to:
                other, _, target_id = name.rpartition("/")
                assert builtin(other or qid).question(target_id) is not None, name
            for targets in entry.options.values():
                for name, value in (targets or {}).items():
                    other, _, target_id = name.rpartition("/")
                    assert name in entry.to, f"{question.id}: {name} not in 'to'"
                    target_question = builtin(other or qid).question(target_id)
                    assert answer_problem(target_question, value) is None, (name, value)


def test_a_1_0_0_assessment_offers_the_move_and_a_2_0_0_one_does_not():
    assessment = v1_assessment(worst=False)
    assert upgrades_available(assessment) == [(qid, "1.0.0", "2.0.0") for qid in BUILTIN_IDS]
    upgraded = upgrade_assessment(assessment).assessment
    assert upgrades_available(upgraded) == []
    with pytest.raises(InputError, match="already uses the newest"):
        upgrade_assessment(upgraded)
    custom = new_assessment([load_questionnaire(EXAMPLE)])
    assert upgrades_available(custom) == []


@pytest.mark.parametrize("worst", [True, False])
def test_the_move_makes_a_new_revision_and_leaves_the_old_as_it_was(worst):
    assessment = v1_assessment(worst)
    before = assessment.model_dump(mode="json")
    upgrade = upgrade_assessment(assessment)
    assert assessment.model_dump(mode="json") == before
    new = upgrade.assessment
    assert new.id != assessment.id
    assert new.metadata.previous_revision == assessment.id
    assert new.metadata.revision == assessment.metadata.revision + 1
    assert new.metadata.status == "draft"
    assert [q.version for q in new.questionnaires] == ["2.0.0"] * 3
    assert (new.metadata.organization, new.metadata.system) == ("ACME", "Pick tracker")
    assert upgrade.carried > 50
    for qid, answers in new.answers.items():
        questionnaire = new.questionnaire(qid)
        for question_id, answer in answers.items():
            assert answer_problem(questionnaire.question(question_id), answer.value) is None


@pytest.mark.parametrize("worst", [True, False])
def test_nothing_is_lost(worst):
    assessment = v1_assessment(worst)
    new = upgrade_assessment(assessment).assessment
    comments = " ".join(
        answer.comment for answers in new.answers.values() for answer in answers.values()
    )
    (mapping,) = load_mappings()
    for qid, answers in assessment.answers.items():
        old = assessment.questionnaire(qid)
        for question_id, answer in answers.items():
            carried = new.answer(qid, question_id)
            if carried is not None and carried.value == answer.value:
                continue
            entry = mapping.questionnaires[qid][question_id]
            targets = [name.rpartition("/") for name in entry.to]
            answered = [
                new.answer(other or qid, target)
                for other, _, target in targets
                if new.answer(other or qid, target) is not None
                and new.answer(other or qid, target).value is not None
            ]
            words = answer_in_words(old.question(question_id), answer.value)
            assert answered or words in comments, f"{qid}/{question_id}: {words}"


def test_split_questions_carry_each_part():
    assessment = v1_assessment(
        worst=False,
        **{
            "worker-surveillance": {
                "live_monitoring": Answer(value="no_sign", comment="seen on site"),
                "represented": Answer(value="no"),
                "consultation": Answer(value="informed"),
            },
            "health-safety": {"safety_time_counted": Answer(value="no")},
        },
    )
    upgrade = upgrade_assessment(assessment)
    new = upgrade.assessment
    assert new.answer("worker-surveillance", "live_access").value == "yes"
    assert new.answer("worker-surveillance", "live_sign").value == "never"
    assert new.answer("worker-surveillance", "live_sign").comment == "seen on site"
    assert new.answer("worker-surveillance", "workers_consulted").value == "told"
    # No union: the bargaining questions are Not applicable, with the reason recorded.
    bargained = new.answer("worker-surveillance", "monitoring_bargained")
    assert bargained.value == "not_applicable" and bargained.comment
    assert new.answer("job-quality", "represented").value == "no"
    for question_id in ("reporting_time_counted", "safety_meeting_counted", "helping_time_counted"):
        assert new.answer("health-safety", question_id).value == "no"
    needing = {(item.questionnaire_id, item.question_id) for item in upgrade.needs_answer}
    assert ("worker-surveillance", "remote_switch_on") in needing


def test_an_answer_that_cannot_be_carried_is_shown_and_kept_in_words():
    assessment = v1_assessment(
        worst=False, **{"job-quality": {"layoff_notice": Answer(value="none")}}
    )
    assessment.answers["job-quality"]["job_loss"] = Answer(value="layoffs")
    upgrade = upgrade_assessment(assessment)
    (item,) = [i for i in upgrade.needs_answer if i.question_id == "layoff_notice"]
    assert item.old_answer == "No, or not decided"
    assert "split" in item.reason
    kept = upgrade.assessment.answer("job-quality", "layoff_notice")
    assert kept.value is None and "No, or not decided" in kept.comment


def test_the_library_keeps_a_1_0_0_assessment_as_it_was(data_home, tmp_path):
    assessment = v1_assessment(worst=True)
    expected = score_assessment(assessment)
    with Library.open() as library:
        stored = library.import_assessment(assessment)
        reopened = library.get(stored.id)
    assert [q.version for q in reopened.questionnaires] == ["1.0.0"] * 3
    assert reopened.questionnaires == assessment.questionnaires
    again = score_assessment(reopened)
    assert again.overall.level == expected.overall.level
    assert again.overall.score == expected.overall.score
    assert [f.id for f in again.findings] == [f.id for f in expected.findings]


def run(home: Path, *arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workerimpact", *arguments],
        capture_output=True,
        text=True,
        cwd=REPOSITORY,
        timeout=120,
        env={**os.environ, "WORKERIMPACT_HOME": str(home)},
    )


def test_cli_upgrades_a_file_and_a_library_assessment(data_home, tmp_path):
    path = tmp_path / "old.json"
    save_assessment(v1_assessment(worst=True), path)

    refused = run(data_home, "upgrade", str(path))
    assert refused.returncode == 1 and "-o FILE" in refused.stderr

    written = run(data_home, "upgrade", str(path), "-o", str(tmp_path / "new.json"))
    assert written.returncode == 0, written.stderr
    assert "1.0.0 → 2.0.0" in written.stdout and "need a new answer" in written.stdout
    assert "Traceback" not in written.stderr

    again = run(data_home, "upgrade", str(tmp_path / "new.json"), "-o", str(tmp_path / "x.json"))
    assert again.returncode == 1 and "newest" in again.stderr
    assert not (tmp_path / "x.json").exists()

    imported = run(data_home, "library", "import", str(path))
    (old_id,) = imported.stdout.split()
    moved = run(data_home, "upgrade", old_id, "--json")
    assert moved.returncode == 0, moved.stderr
    data = json.loads(moved.stdout)
    assert data["previous_revision"] == old_id and data["needs_answer"]
    with Library.open(read_only=True) as library:
        assert [q.version for q in library.get(old_id).questionnaires] == ["1.0.0"] * 3
        assert [q.version for q in library.get(data["id"]).questionnaires] == ["2.0.0"] * 3


def test_the_published_mapping_document_lists_every_changed_question():
    text = (REPOSITORY / "docs" / "questionnaire-upgrades.md").read_text(encoding="utf-8")
    (mapping,) = load_mappings()
    for questions in mapping.questionnaires.values():
        for question_id, entry in questions.items():
            assert f"`{question_id}`" in text, question_id
            assert entry.why in text, question_id
