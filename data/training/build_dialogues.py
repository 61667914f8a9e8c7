#!/usr/bin/env python3
"""Builds data/training/dialogues-written.jsonl from src/dialogues-*.jsonl (calls and chats written for fanzha).

Each source line is {"turns": [{"speaker", "text"}...], "label", "category"?}; this adds id, lang and split (dev for
about 1 row in 7, by a hash of the turns, as generate.py does for messages). Deterministic. Run:
python3 data/training/build_dialogues.py
"""
import glob
import hashlib
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, 'dialogues-written.jsonl')

rows = []
for path in sorted(glob.glob(os.path.join(HERE, 'src', 'dialogues-*.jsonl'))):
    for line in open(path, encoding='utf-8'):
        if line.strip():
            rows.append(json.loads(line))

seen = set()
out = []
for i, r in enumerate(rows, 1):
    turns = [{'speaker': str(t['speaker']), 'text': str(t['text'])} for t in r['turns']]
    key = '\n'.join(f"{t['speaker']}: {t['text']}" for t in turns)
    if key in seen:
        raise SystemExit(f'duplicate dialogue {i}')
    seen.add(key)
    if r['label'] not in ('scam', 'legit'):
        raise SystemExit(f'dialogue {i}: label {r["label"]}')
    h = int(hashlib.sha1(key.encode('utf-8')).hexdigest(), 16)
    row = {
        'id': f'trd-{i:04d}',
        'turns': turns,
        'text': key,
        'lang': 'zh' if re.search(r'[\u4e00-\u9fff]', key) else 'en',
        'label': r['label'],
        'split': 'dev' if h % 7 == 0 else 'train',
    }
    if r['label'] == 'scam':
        row['category'] = r['category']
    out.append(row)

with open(OUT, 'w', encoding='utf-8') as f:
    for row in out:
        f.write(json.dumps(row, ensure_ascii=False) + '\n')
print(f'wrote {OUT}: {len(out)} dialogues ({sum(r["label"] == "legit" for r in out)} legit, {sum(r["split"] == "dev" for r in out)} dev)')
