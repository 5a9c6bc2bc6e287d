"""Make a dated corpus folder from PolNeAR: its 924 articles plus a metadata.csv (outlet, date).

Usage: python benchmarks/polnear_corpus.py OUT_FOLDER [POLNEAR_FOLDER]
(default POLNEAR_FOLDER: ../shared/corpora/polnear). Prints the number of articles copied. The
folder is what the report pages were measured on (attention over time needs publication dates).
"""

import csv
import shutil
import sys
from pathlib import Path

from analysis.config import shared_corpora


def main(out: str, source: str = str(shared_corpora("polnear"))) -> None:
    """Copy the articles listed in metadata.tsv and write metadata.csv beside them."""
    root, folder = Path(source), Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    with open(root / "metadata.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            text = root / row["compartment"] / "text" / f"{row['filename']}.txt"
            if text.is_file():
                shutil.copy(text, folder / text.name)
                rows.append({"doc_id": row["filename"][:60], "file": text.name,
                             "outlet": row["publisher"], "published": row["publication_date"]})
    with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["doc_id", "file", "outlet", "published"])
        writer.writeheader()
        writer.writerows(rows)
    print(len(rows))


if __name__ == "__main__":
    main(*sys.argv[1:])
