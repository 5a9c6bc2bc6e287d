"""What the referent rules of war labels do on real corpora (prints figures; not a test).

Usage: python benchmarks/label_referents.py [corpus folder ...]   (default: seeds/)
       python benchmarks/label_referents.py --scale   (time on one sentence-less text, n and 4n)

For each corpus: war-label hits, how many count, how many each rule family excludes, the commonest
exclusions and counted words, and per outlet the narrator's aggression : operation counts under
the old rule (every narrator hit in the body) and now (counted narrator hits; headlines apart).
"""

import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from analysis.corpus import load_corpus  # noqa: E402
from analysis.framing import compute_label_hits  # noqa: E402
from analysis.labels import find_label_hits  # noqa: E402

AGGRESSION, OPERATION = "war as aggression", "war as operation or crisis"


def ratio(hits, outlet: str) -> str:
    """'aggression : operation' hits of one outlet."""
    part = hits[hits["outlet"] == outlet]
    return f"{(part['category'] == AGGRESSION).sum()} : {(part['category'] == OPERATION).sum()}"


def report(folder: Path) -> None:
    """Print the figures of one corpus."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(folder)
    hits = compute_label_hits(corpus)
    war = hits[hits["category"].isin([AGGRESSION, OPERATION])]
    print(f"\n## {folder} ({len(corpus.documents)} documents)")
    print(f"war-label hits: {len(war)}, counted: {int(war['counted'].sum())} "
          f"({war['counted'].mean():.0%})" if len(war) else "war-label hits: 0")
    family = war.loc[~war["counted"], "reason"].str.split(":").str[0]
    print("excluded by family:", family.value_counts().to_dict())
    print("hits by unit and voice (counted/all):", {
        f"{u}/{v}": f"{int(g['counted'].sum())}/{len(g)}" for (u, v), g in war.groupby(["unit", "voice"])})
    print("commonest exclusions:", war.loc[~war["counted"], "reason"].value_counts().head(10).to_dict())
    print("commonest counted words:",
          war.loc[war["counted"], "matched"].str.lower().value_counts().head(10).to_dict())
    old = war[(war["voice"] == "narrator") & (war["unit"] == "body")]
    now = old[old["counted"]]
    head = war[(war["voice"] == "headline") & war["counted"]]
    if corpus.documents["outlet"].nunique() <= 12:
        print("narrator aggression : operation per outlet, old -> now (headlines):")
        for outlet in corpus.outlets:
            print(f"  {outlet}: {ratio(old, outlet)} -> {ratio(now, outlet)} ({ratio(head, outlet)})")


def scale(repeats: tuple[int, ...] = (2000, 8000)) -> None:
    """Seconds to check the hits of one segment without sentence breaks, at n and 4n repeats."""
    import pandas as pd

    phrase = "the war in Ukraine goes on and on with crisis management of it all"
    for n in repeats:
        segment = pd.DataFrame([("d", "d-s0", "narrator", 0, " ".join([phrase] * n))],
                               columns=["doc_id", "sentence_id", "voice", "start", "text"])
        began = time.perf_counter()
        hits = find_label_hits(segment)
        print(f"{n} repeats, {len(hits)} hits: {time.perf_counter() - began:.2f} s")


if __name__ == "__main__":
    if sys.argv[1:] == ["--scale"]:
        scale()
    for arg in [a for a in sys.argv[1:] if a != "--scale"] or ([] if "--scale" in sys.argv
                                                                else [str(ROOT / "seeds")]):
        report(Path(arg))
