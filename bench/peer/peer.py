#!/usr/bin/env python3
"""Peer baseline for fanzha's learned model: scikit-learn TF-IDF character n-grams + LinearSVC.

Run by `npm run eval -- --peer` (bench/eval.ts), which writes the exact training rows (train_ok=true, split=train,
plus data/training/*.jsonl, the same rows tools/train.ts uses) and the exact evaluation rows, each with the text
the engine reads (tft5 placeholders neutralised, dialogues joined as "speaker: text" lines).

  python3 bench/peer/peer.py --train TRAIN.jsonl --test TEST.jsonl --out PRED.jsonl

Classes: legit, spam, every taxonomy category, and "scam" for scams whose category the source does not state.
Settings (fixed, no tuning on test): TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), sublinear_tf=True,
min_df=2, lowercase=True), LinearSVC(C=1.0, random_state=1). Speed = rows / (transform + predict) seconds, one
process, measured on the evaluation rows after the model is trained.
"""
import argparse
import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

try:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.svm import LinearSVC
except ImportError:  # pragma: no cover
    sys.exit("scikit-learn is missing: apt-get install -y python3-sklearn")

SETTINGS = {
    "vectorizer": {"analyzer": "char_wb", "ngram_range": [1, 4], "sublinear_tf": True, "min_df": 2, "lowercase": True},
    "classifier": {"C": 1.0, "random_state": 1},
}


def read(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def cls(row):
    if row["label"] != "scam":
        return row["label"]
    return row.get("category") or "scam"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--test", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    train, test = read(a.train), read(a.test)
    v = SETTINGS["vectorizer"]
    vec = TfidfVectorizer(analyzer=v["analyzer"], ngram_range=tuple(v["ngram_range"]), sublinear_tf=v["sublinear_tf"], min_df=v["min_df"], lowercase=v["lowercase"])
    t0 = time.perf_counter()
    x = vec.fit_transform([r["text"] for r in train])
    clf = LinearSVC(**SETTINGS["classifier"])
    clf.fit(x, [cls(r) for r in train])
    train_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    pred = clf.predict(vec.transform([r["text"] for r in test]))
    predict_s = time.perf_counter() - t1
    with open(a.out, "w", encoding="utf-8") as f:
        for r, p in zip(test, pred):
            f.write(json.dumps({"id": r["id"], "class": str(p)}, ensure_ascii=False) + "\n")
    json.dump(
        {"settings": SETTINGS, "trainRows": len(train), "testRows": len(test), "features": len(vec.vocabulary_), "trainSeconds": train_s, "predictSeconds": predict_s, "perSecond": len(test) / predict_s if predict_s > 0 else None},
        sys.stdout,
    )
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
