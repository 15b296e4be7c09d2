"""How the "did you mean" suggestions of ``kroniek kb search`` behave at each threshold.

Two sets of queries the KB cannot find exactly:
- misspelt KB names: hand-written ones (Poetine, Stoltenburg, ...) plus one random edit
  (insert, delete or substitute a letter) in 150 KB person and state names, seeded;
- names the KB does not hold: Dutch people, firms, places and words, and nonsense.

For each threshold it prints how many misspellings still get their entry among the three
suggestions, and how many unknown names get any suggestion at all, for the rescored
:meth:`KnowledgeBase.suggest` and for the raw WRatio of :meth:`KnowledgeBase.fuzzy`.

    PYTHONPATH=src .venv/bin/python bench/kb_suggestions.py
"""

from __future__ import annotations

import random

from kroniek.kb import KnowledgeBase, load_kb

MISSPELT = [
    ("Poetine", "vladimir-putin"),
    ("Zelenskij", "volodymyr-zelensky"),
    ("Erdogn", "recep-tayyip-erdogan"),
    ("Netanjahu", "benjamin-netanyahu"),
    ("Macronn", "emmanuel-macron"),
    ("Loekasjenka", "alexander-lukashenko"),
    ("Stoltenburg", "jens-stoltenberg"),
    ("Guterress", "antonio-guterres"),
    ("Merkell", "angela-merkel"),
    ("Sjojgu", "sergei-shoigu"),
    ("Hun Maneth", "hun-manet"),
    ("Anwar Ibrahiem", "anwar-ibrahim"),
    ("Kim Jong Oen", "kim-jong-un"),
    ("Xi Jinpin", "xi-jinping"),
    ("Duitsand", "deu"),
    ("Frankrijkk", "fra"),
    ("Oekraïene", "ukr"),
    ("Pasjinyan", "nikol-pashinyan"),
    ("Lavrof", "sergey-lavrov"),
    ("Blinkin", "antony-blinken"),
    ("Sjolz", "olaf-scholz"),
    ("Rutten", "mark-rutte"),
    ("Ursula von der Leijen", "ursula-von-der-leyen"),
    ("Saoedie-Arabië", "sau"),
    ("Azerbeidjaan", "aze"),
    ("Hezbolla", "hezbollah"),
    ("Hamaz", "hamas"),
    ("Kaja Kalas", "kaja-kallas"),
    ("Sikorsky", "radoslaw-sikorski"),
    ("Mahmoed Abbas", "mahmoud-abbas"),
    ("Aliyeff", "ilham-aliyev"),
    ("Khamenej", "ali-khamenei"),
    ("Modhi", "narendra-modi"),
]
UNKNOWN = [
    "Jan Jansen", "Piet Pietersen", "Xylofoon", "Qwerty Asdf", "Karel de Grote",
    "Bakkerij Van Dam", "Zorgverzekeraar", "Mevrouw Klaassen", "De Wijnhandel", "Fietsenmaker",
    "Blorptang", "Zzyzx Quorn", "Henk de Vries", "Tante Truus", "Voetbalclub Ajax",
    "Gemeente Utrecht", "Het weerbericht", "Marietje Kessels", "Sint-Nicolaas", "Kees Klop",
    "Ambulancedienst", "Lorem Ipsum", "Tim Hortons", "Anna Maria", "Jeroen Pauw", "Eva Jinek",
    "Bakker", "Schoenmaker", "Wilhelmina Park", "Thijs Verhoeven", "Sanne de Bruin",
    "Klaas Vaak", "Vrijdagmiddag", "Snelweg", "De Telegraaf", "Albert Heijn", "Pieter Post",
    "Groente", "Marktkraam", "Johan Cruijff", "Frenkie de Jong", "Noorderlicht",
    "Hoogheemraadschap", "Rijkswaterstaat", "Annie M.G. Schmidt", "Gerrit Komrij",
    "Koffiepot", "Sinterklaas", "Boterham", "Lieke Martens", "Zwembad", "Kapsalon",
    "Ruud Gullit", "Wim Kok", "Paarse Krokodil", "Appeltaart",
]  # fmt: skip
THRESHOLDS = (60, 65, 70, 72, 75, 78, 80, 85, 86)


def random_misspellings(
    kb: KnowledgeBase, count: int = 150, seed: int = 7
) -> list[tuple[str, str]]:
    rnd = random.Random(seed)
    names = sorted(
        (a for a in kb.all_actors() if a.kind in ("person", "state") and len(a.name) >= 6),
        key=lambda a: a.id,
    )
    found: list[tuple[str, str]] = []
    for actor in rnd.sample(names, count):
        letters = list(actor.name)
        i = rnd.randrange(1, len(letters) - 1)
        op = rnd.choice("sid")
        if op == "s":
            letters[i] = rnd.choice("aeioukjs")
        elif op == "i":
            letters.insert(i, rnd.choice("aeiohj"))
        else:
            del letters[i]
        query = "".join(letters)
        if not kb.lookup(query):
            found.append((query, actor.id))
    return found


def main() -> None:
    kb = load_kb()
    misspelt = MISSPELT + random_misspellings(kb)
    suggested = {q: kb.suggest(q, min_score=0) for q, _ in misspelt}
    suggested |= {q: kb.suggest(q, min_score=0) for q in UNKNOWN}
    raw = {q: kb.fuzzy(q, limit=3) for q in suggested}
    print(f"{len(misspelt)} misspelt KB names, {len(UNKNOWN)} unknown names")
    print(
        "| threshold | misspelt: entry suggested | unknown: any suggestion"
        " | WRatio: entry | WRatio: any |"
    )
    print("|---|---|---|---|---|")
    for t in THRESHOLDS:
        kept = sum(any(a.id == want and s >= t for a, s in suggested[q]) for q, want in misspelt)
        shown = sum(bool(suggested[q]) and suggested[q][0][1] >= t for q in UNKNOWN)
        kept_raw = sum(any(a.id == want and s >= t for a, s in raw[q]) for q, want in misspelt)
        shown_raw = sum(bool(raw[q]) and raw[q][0][1] >= t for q in UNKNOWN)
        print(f"| {t} | {kept} | {shown} | {kept_raw} | {shown_raw} |")
    print("\nunknown names and their best suggestion (rescored | WRatio):")
    for q in UNKNOWN:
        best = f"{suggested[q][0][0].id} {suggested[q][0][1]:.0f}" if suggested[q] else "-"
        best_raw = f"{raw[q][0][0].id} {raw[q][0][1]:.0f}" if raw[q] else "-"
        print(f"  {q:22} {best:32} | {best_raw}")


if __name__ == "__main__":
    main()
