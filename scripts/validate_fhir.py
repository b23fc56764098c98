"""Validates FHIR R4 JSON written by Rapport with an independent model validator.

Usage: python validate_fhir.py DIR
Every `*.questionnaire.json` must be a valid Questionnaire and every `*.response-*.json` a valid
QuestionnaireResponse whose `questionnaire` is the definition's `url|version` and whose linkIds
exist in the definition. Every `*.bundle.json` (the receiver's clinician export of a patient;
at least one must be there) must be a valid Bundle of type `collection` with a `timestamp`,
each entry a `urn:uuid:` fullUrl and a valid QuestionnaireResponse with a `subject` identifier,
answering one of the folder's questionnaires (by `url|version`) with its linkIds. Every
`*.valueset.json` (the value sets definitions name by canonical URL) must be a valid ValueSet.
fhir.resources 8 has no R4 package; its R4B models accept R4 Questionnaire,
QuestionnaireResponse and ValueSet (they did not change between R4 and R4B in what is used).
Exits non-zero and names each file and problem on failure.
"""
import json
import sys
from pathlib import Path

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from fhir.resources.R4B.valueset import ValueSet

STATUSES = {"in-progress", "completed", "amended", "entered-in-error", "stopped"}


def link_ids(items):
    for item in items or []:
        yield item["linkId"]
        yield from link_ids(item.get("item"))


def main(folder):
    problems, checked = [], 0
    known_by_canonical = {}
    value_sets = sorted(Path(folder).glob("*.valueset.json"))
    for vfile in value_sets:
        try:
            ValueSet.model_validate_json(vfile.read_text())
        except Exception as e:  # noqa: BLE001
            problems.append(f"{vfile.name}: {e}")
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
        known_by_canonical[canonical] = known
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
    bundles = sorted(Path(folder).glob("*.bundle.json"))
    if not bundles:
        problems.append(f"no *.bundle.json (the receiver's clinician export) found in {folder}")
    for bfile in bundles:
        btext = bfile.read_text()
        try:
            Bundle.model_validate_json(btext)
        except Exception as e:  # noqa: BLE001
            problems.append(f"{bfile.name}: {e}")
            continue
        b = json.loads(btext)
        if b.get("type") != "collection" or not b.get("timestamp"):
            problems.append(f"{bfile.name}: not a collection with a timestamp")
        entries = b.get("entry") or []
        if not entries:
            problems.append(f"{bfile.name}: no entries")
        for i, entry in enumerate(entries):
            where = f"{bfile.name} entry {i}"
            if not str(entry.get("fullUrl", "")).startswith("urn:uuid:"):
                problems.append(f"{where}: fullUrl {entry.get('fullUrl')!r} is not urn:uuid:")
            r = entry.get("resource") or {}
            try:
                QuestionnaireResponse.model_validate(r)
            except Exception as e:  # noqa: BLE001
                problems.append(f"{where}: {e}")
                continue
            ident = (r.get("subject") or {}).get("identifier") or {}
            if not ident.get("system") or not ident.get("value"):
                problems.append(f"{where}: no subject identifier")
            known = known_by_canonical.get(r.get("questionnaire"))
            if known is None:
                problems.append(f"{where}: questionnaire {r.get('questionnaire')!r} is not in {folder}")
                continue
            unknown = set(link_ids(r.get("item"))) - known
            if unknown:
                problems.append(f"{where}: linkIds not in the questionnaire: {sorted(unknown)}")
            checked += 1
    for p in problems:
        print(f"FHIR validation: {p}", file=sys.stderr)
    print(
        f"FHIR validation: {checked} QuestionnaireResponses checked "
        f"(with those in {len(bundles)} Bundles), {len(value_sets)} ValueSets, {len(problems)} problems"
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
