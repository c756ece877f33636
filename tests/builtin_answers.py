"""Answer sets over the built-in questionnaires: the safest and the riskiest answers.

"Safest" answers every scored choice question with its safest ordinary option (never
"Don't know" or "Not applicable"): the fewest points on a risk question, the most on a
mitigation question; "riskiest" does the opposite. Info questions stay unanswered.
"""

from __future__ import annotations

from workerimpact.assessment import Answer
from workerimpact.loader import load_questionnaire
from workerimpact.paths import builtin_questionnaires_dir
from workerimpact.questionnaire import Question, Questionnaire

BUILTIN_IDS = ("worker-surveillance", "job-quality", "health-safety")


def builtin(qid: str) -> Questionnaire:
    """Load one built-in questionnaire by id."""
    return load_questionnaire(builtin_questionnaires_dir() / f"{qid}.json")


def _points(option) -> float:
    return option.score or 0.0


def pick(question: Question, high: bool) -> str | list[str]:
    """The ordinary option(s) giving the most (high) or the fewest points."""
    options = [option for option in question.options if not option.special]
    if question.type != "multiple_choice":
        return (max if high else min)(options, key=_points).id
    together = [option for option in options if not option.exclusive]
    exclusive = [option for option in options if option.exclusive]
    candidates = [([o.id for o in together], sum(_points(o) for o in together))] if high else []
    candidates += [([o.id], _points(o)) for o in (exclusive + ([] if high else together))]
    ids, _ = (max if high else min)(candidates, key=lambda item: item[1])
    return ids


def scenario(questionnaire: Questionnaire, worst: bool) -> dict[str, Answer]:
    """Every scored question at its riskiest (worst) or safest (best) ordinary answer."""
    answers = {}
    for question in questionnaire.questions():
        if not question.scored:
            continue
        high = (question.role == "risk") == worst
        answers[question.id] = Answer(value=pick(question, high))
    return answers
