"""Validates FHIR R4 JSON written by Rapport with an independent model validator.

Usage: python validate_fhir.py DIR
Every `*.questionnaire.json` must be a valid Questionnaire and every `*.response-*.json` a valid
QuestionnaireResponse whose `questionnaire` is the definition's `url|version` and whose linkIds
exist in the definition. fhir.resources 8 has no R4 package; its R4B models accept R4
Questionnaire and QuestionnaireResponse (the two did not change between R4 and R4B).
Exits non-zero and names each file and problem on failure.
"""
import json
import sys
from pathlib import Path

from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

STATUSES = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}


def link_ids(items):
    for item in items or []:
        yield item["linkId"]
        yield from link_ids(item.get("item"))


def main(folder):
    problems, checked = [], 0
    for qfile in sorted(Path(folder).glob("*.questionnaire.json")):
        name = qfile.name[: -len(".questionnaire.json")]
        text = qfile.read_text()
        try:
            Questionnaire.model_validate_json(text)
        except Exception as e:  # noqa: BLE001 - report every validation error
            problems.append(f"{qfile.name}: {e}")
            continue
        q = json.loads(text)
        known = set(link_ids(q.get("item")))
        canonical = f"{q['url']}|{q['version']}" if q.get("version") else q.get("url")
        for rfile in sorted(Path(folder).glob(f"{name}.response-*.json")):
            rtext = rfile.read_text()
            try:
                QuestionnaireResponse.model_validate_json(rtext)
            except Exception as e:  # noqa: BLE001
                problems.append(f"{rfile.name}: {e}")
                continue
            r = json.loads(rtext)
            if r.get("questionnaire") != canonical:
                problems.append(f"{rfile.name}: questionnaire is {r.get('questionnaire')!r}, not {canonical!r}")
            if r.get("status") not in STATUSES:
                problems.append(f"{rfile.name}: status {r.get('status')!r}")
            unknown = set(link_ids(r.get("item"))) - known
            if unknown:
                problems.append(f"{rfile.name}: linkIds not in the questionnaire: {sorted(unknown)}")
            checked += 1
    if checked == 0:
        problems.append(f"no responses found in {folder}")
    for p in problems:
        print(f"FHIR validation: {p}", file=sys.stderr)
    print(f"FHIR validation: {checked} QuestionnaireResponses checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
