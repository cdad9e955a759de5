"""Write a valid synthetic data set at N times the size of the real record (for benchmarks).

Usage: python scripts/synth_data.py --scale 10 --seed 1 --out /tmp/synth10

Two ways to grow: the *span* axis (default) models a longer record — the same density of rounds,
events, deadlines, measures and commitments per month as today's data, over `scale` times the
span — and the *density* axis (`--dense`) a denser one: `scale` times as many records in the same
months. Both end on the real data's last date; issues stay the same ten subjects. Deterministic
for a seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REAL = {"rounds": 8, "events": 96, "deadlines": 22, "people": 19, "tariffs": 11, "measures": 68, "commitments": 37}
REAL_SPAN_DAYS = 520  # about January 2025 to May 2026
END = dt.date(2026, 5, 20)
WORDS = ["tariff", "talks", "delegation", "export", "controls", "rare", "earths", "soybeans", "fentanyl", "truce",
         "suspension", "extension", "framework", "statement", "announcement", "ministry", "commerce", "treasury",
         "negotiators", "agreed", "measures", "licences", "shipments", "purchases", "ports", "fees", "chips",
         "semiconductors", "review", "consultation", "mechanism", "leaders", "call"]
PUBLISHERS = [f"Synthetic Wire {i}" for i in range(40)] + [f"Example Daily {i} (Synthetic Wire {i})" for i in range(20)]
ISSUES = ["tariffs", "tiktok", "export-controls", "rare-earths", "agriculture", "fentanyl", "port-fees",
          "overcapacity", "national-security", "legal-basis"]
EVENT_KINDS = ["call", "meeting", "tariff-action", "export-control", "executive-order", "announcement", "ruling",
               "statement", "purchase", "other"]


class Synth:
    def __init__(self, scale: int, seed: int, dense: bool = False) -> None:
        self.rng = random.Random(seed)
        self.scale = scale
        self.start = END - dt.timedelta(days=REAL_SPAN_DAYS * (1 if dense else scale))
        self.counter = 0

    def text(self, low: int, high: int) -> str:
        words = [self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high))]
        return " ".join(words).capitalize() + "."

    def day(self) -> dt.date:
        return self.start + dt.timedelta(days=self.rng.randint(0, (END - self.start).days))

    def sources(self, when: dt.date, n: int | None = None) -> list[dict]:
        result = []
        for _ in range(n or self.rng.randint(1, 3)):
            self.counter += 1
            published = min(END, when + dt.timedelta(days=self.rng.randint(0, 3)))
            result.append({"url": f"https://example.org/s/{self.counter}", "publisher": self.rng.choice(PUBLISHERS),
                           "title": self.text(5, 12).rstrip("."), "date": published.isoformat()})
        return result

    def issues_for(self) -> list[str]:
        return self.rng.sample(ISSUES, self.rng.randint(1, 3))

    def people(self) -> list[dict]:
        return [{"id": f"person-{i}", "name": f"Person {i}", "name_zh": "人物" if i % 2 else None,
                 "country": "us" if i % 2 == 0 else "cn", "roles": [{"title": self.text(2, 5).rstrip(".")}],
                 "sources": self.sources(self.day(), 1)} for i in range(REAL["people"] * self.scale)]

    def rounds(self, people: int) -> list[dict]:
        records = []
        for i in range(REAL["rounds"] * self.scale):
            start = self.day()
            end = start + dt.timedelta(days=self.rng.randint(0, 2))
            members = lambda side: [{"person": f"person-{self.rng.randrange(side, people, 2)}"} for _ in range(2)]  # noqa: E731
            records.append({
                "id": f"round-{i}", "title": f"Round {i}: {self.text(3, 6).rstrip('.')}", "kind": "talks",
                "start": start.isoformat(), "end": min(end, END).isoformat(),
                "location": {"city": f"City {i % 50}", "country": "Somewhere"},
                "delegations": {"us": members(0), "cn": members(1)}, "issues": self.issues_for(),
                "summary": self.text(60, 110),
                "tensions": [{"text": self.text(20, 40), "issues": self.issues_for()} for _ in range(2)],
                "expectations": [{"text": self.text(15, 30), "by": "Analysts",
                                  "sources": self.sources(start - dt.timedelta(days=3), 1),
                                  "result": self.rng.choice(["met", "partly", "not-met", "unknown"])}],
                "outcomes": [{"text": self.text(20, 40), "issues": self.issues_for(), "sources": self.sources(end)}
                             for _ in range(3)],
                "sources": self.sources(end),
            })
        return records

    def events(self, rounds: list[dict]) -> list[dict]:
        records = []
        for i in range(REAL["events"] * self.scale):
            when = self.day()
            record = {"id": f"event-{i}", "date": when.isoformat(), "kind": self.rng.choice(EVENT_KINDS),
                      "side": self.rng.choice(["us", "cn", "both"]), "title": f"Event {i}: {self.text(4, 9)}",
                      "issues": self.issues_for(), "text": self.text(50, 120), "sources": self.sources(when)}
            if record["kind"] == "call":
                record["between"] = ("leaders", "officials")[i % 2]
            if i % 7 == 0:
                record["round"] = self.rng.choice(rounds)["id"]
            if i % 5 == 1:
                record["counterpart"] = f"event-{i - 1}"
            records.append(record)
        return records

    def deadlines(self) -> list[dict]:
        records = []
        for chain in range(REAL["deadlines"] * self.scale // 2):
            first = self.day()
            second = first + dt.timedelta(days=90)
            text = self.text(20, 40)
            records.append({"id": f"deadline-{chain}-a", "title": f"Deadline {chain}", "due": first.isoformat(),
                            "kind": "truce", "issues": self.issues_for(), "status": "extended",
                            "replaced_by": f"deadline-{chain}-b", "text": text, "outcome": self.text(10, 20),
                            "sources": self.sources(min(first, END))})
            records.append({"id": f"deadline-{chain}-b", "title": f"Deadline {chain}, extended",
                            "due": second.isoformat(), "kind": "truce", "issues": self.issues_for(),
                            "status": "met" if second <= END else "pending", "text": text,
                            "sources": self.sources(min(first, END))})
        return records

    def tariffs(self) -> list[dict]:
        days = sorted(self.day() for _ in range(REAL["tariffs"] * self.scale))
        return [{"id": f"tariff-{i}", "effective": d.isoformat(), "direction": ["us-on-cn", "cn-on-us"][i % 2],
                 "rate": self.rng.choice([10, 20, 30, 34, 84, 125, 145]), "basis": self.text(8, 20),
                 "sources": self.sources(d, 1)} for i, d in enumerate(days)]


    def measures(self, events: list[dict]) -> list[dict]:
        """Measures with a few states each; none suspended (suspensions need matching deadlines)."""
        records = []
        kinds = ["tariff", "export-control", "listing", "licence", "investigation", "port-fee"]
        for i in range(REAL["measures"] * self.scale):
            kind = self.rng.choice(kinds)
            day = self.day()
            states = []
            for n in range(self.rng.randint(1, 4)):
                status = "ended" if n == 3 else self.rng.choice(["announced", "in-force"]) if n == 0 else "in-force"
                state = {"from": day.isoformat(), "status": status, "sources": self.sources(day, 1)}
                if kind == "tariff" and status == "in-force":
                    state["rate"] = self.rng.choice([10, 15, 25, 50])
                if status == "ended":
                    state["reason"] = self.rng.choice(["lifted", "expired", "revoked"])
                if self.rng.random() < 0.3:
                    state["event"] = self.rng.choice(events)["id"]
                states.append(state)
                day = min(END, day + dt.timedelta(days=self.rng.randint(5, 60)))
                if states and day <= dt.date.fromisoformat(states[-1]["from"]):
                    break
            record = {"id": f"measure-{i}", "title": f"Measure {i}: {self.text(3, 7).rstrip('.')}",
                      "side": self.rng.choice(["us", "cn"]), "kind": kind,
                      "legal_basis": self.text(3, 6).rstrip("."), "issues": self.issues_for(),
                      "summary": self.text(30, 60), "states": states}
            if kind == "tariff":
                record["coverage"] = "selected-goods"
            records.append(record)
        return records

    def commitments(self, rounds: list[dict], measures: list[dict], events: list[dict]) -> list[dict]:
        records = []
        for i in range(REAL["commitments"] * self.scale):
            rnd = self.rng.choice(rounds)
            records.append({
                "id": f"commitment-{i}", "side": self.rng.choice(["us", "cn"]), "round": rnd["id"],
                "made_in": "joint-statement", "text": self.text(15, 35), "issues": self.issues_for(),
                "measures": [self.rng.choice(measures)["id"]], "evidence": [self.rng.choice(events)["id"]],
                "status": self.rng.choice(["kept", "partly-kept", "not-kept", "pending", "unknown"]),
                "as_of": rnd["end"], "sources": self.sources(dt.date.fromisoformat(rnd["end"]), 1)})
        return records


def write(out: Path, scale: int, seed: int, dense: bool = False, ledger: bool = True) -> None:
    """`ledger`: also measures and commitments (their pages are not yet bounded by count, issue 16)."""
    synth = Synth(scale, seed, dense)
    if out.exists():
        shutil.rmtree(out)
    data = out / "data"
    for folder in ("rounds", "issues", "events", "deadlines", "people", "tariffs", "measures", "commitments"):
        (data / folder).mkdir(parents=True)
    dump = lambda path, value: path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False))  # noqa: E731
    people = synth.people()
    for start in range(0, len(people), 500):
        dump(data / "people" / f"people-{start // 500}.yaml", [{k: v for k, v in p.items() if v is not None}
                                                               for p in people[start:start + 500]])
    for issue in ISSUES:
        dump(data / "issues" / f"{issue}.yaml", {
            "id": issue, "title": issue.replace("-", " ").capitalize(), "summary": synth.text(60, 100),
            "status": {"text": synth.text(20, 40), "as_of": END.isoformat(), "sources": synth.sources(END, 1)},
            "sources": synth.sources(END, 2)})
    rounds = synth.rounds(len(people))
    for record in rounds:
        dump(data / "rounds" / f"{record['id']}.yaml", record)
    events = synth.events(rounds)
    for start in range(0, len(events), 500):
        dump(data / "events" / f"events-{start // 500}.yaml", events[start:start + 500])
    deadlines = synth.deadlines()  # files stay under the loader's 1 MB limit, as contributors' must
    for start in range(0, len(deadlines), 500):
        dump(data / "deadlines" / f"deadlines-{start // 500}.yaml", deadlines[start:start + 500])
    dump(data / "tariffs" / "headline.yaml", synth.tariffs())
    measures = synth.measures(events) if ledger else []
    for start in range(0, len(measures), 300):
        dump(data / "measures" / f"measures-{start // 300}.yaml", measures[start:start + 300])
    commitments = synth.commitments(rounds, measures, events) if ledger else []
    for start in range(0, len(commitments), 500):
        dump(data / "commitments" / f"commitments-{start // 500}.yaml", commitments[start:start + 500])
    for part in ("mkdocs.yml", "docs", "macros", "overrides"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, out / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, out / part)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--dense", action="store_true", help="more records in the same months (density axis)")
    args = parser.parse_args(argv)
    write(args.out, args.scale, args.seed, args.dense)
    return 0


if __name__ == "__main__":
    sys.exit(main())
