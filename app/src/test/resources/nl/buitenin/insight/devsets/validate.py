#!/usr/bin/env python3
"""Checks the development sets (and, when present, label folders labels-*/): run from this folder."""
import csv, glob, hashlib, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []


def read(name, header):
    path = os.path.join(HERE, name)
    raw = open(path, 'rb').read()
    if raw.startswith(b'\xef\xbb\xbf'):
        errors.append(f'{name}: byte order mark')
    rows = list(csv.reader(open(path, encoding='utf-8', newline='')))
    if rows[0] != header:
        errors.append(f'{name}: header {rows[0]} != {header}')
    for n, r in enumerate(rows[1:], 2):
        if len(r) != len(header):
            errors.append(f'{name}: row {n} has {len(r)} fields')
    return rows[1:]


def split_of(i):
    return 'test' if int(hashlib.sha256(i.encode('utf-8')).hexdigest(), 16) % 100 < 30 else 'dev'


tax = read('taxonomy.csv', ['theme', 'theme_en', 'description', 'examples'])
themes = [r[0] for r in tax]
if not 10 <= len(themes) <= 12 or len(set(themes)) != len(themes):
    errors.append(f'taxonomy: {len(themes)} themes or duplicates')
for r in tax:
    ex = [e for e in r[3].split(';') if e.strip()]
    if len(ex) != 5:
        errors.append(f'taxonomy {r[0]}: {len(ex)} examples')
for t in ["tempo van de groep", "wachttijd telefoon", "boekingsbevestiging onduidelijk",
          "kwaliteit accommodatie", "bagagevervoer", "routebeschrijving"]:
    if t not in themes:
        errors.append(f'taxonomy: missing demo theme {t}')

counts = {}
all_ids = []
for name, pre, minimum, ctx in [('comments-nl.csv', 'nl', 440, None), ('comments-en.csv', 'en', 220, None)]:
    rows = read(name, ['id', 'text', 'context'])
    ids = [r[0] for r in rows]
    if len(set(ids)) != len(ids):
        errors.append(f'{name}: duplicate ids')
    if len(set(r[1] for r in rows)) != len(rows):
        errors.append(f'{name}: duplicate texts')
    for r in rows:
        if not re.fullmatch(pre + r'-\d{4}', r[0]):
            errors.append(f'{name}: bad id {r[0]}')
        if r[2] not in ('na-reis', 'na-gesprek', 'na-boeking', 'klacht', 'chat'):
            errors.append(f'{name}: bad context {r}')
        if not r[1].strip():
            errors.append(f'{name}: empty text {r[0]}')
    if len(rows) < minimum:
        errors.append(f'{name}: {len(rows)} < {minimum}')
    counts[name] = len(rows)
    all_ids += ids

rows = read('contact-reasons.csv', ['id', 'reason', 'channel', 'person'])
ids = [r[0] for r in rows]
if len(set(ids)) != len(ids):
    errors.append('contact-reasons: duplicate ids')
for r in rows:
    if not re.fullmatch(r'cr-\d{4}', r[0]):
        errors.append(f'contact-reasons: bad id {r[0]}')
    if r[2] not in ('phone', 'chat', 'email', 'shop'):
        errors.append(f'contact-reasons: bad channel {r}')
    if r[3] and not re.fullmatch(r'p(0[1-9]|1[0-5])', r[3]):
        errors.append(f'contact-reasons: bad person {r}')
if len(rows) < 170:
    errors.append(f'contact-reasons: {len(rows)} < 170')
counts['contact-reasons.csv'] = len(rows)
counts['contact-reasons with person'] = sum(1 for r in rows if r[3])
counts['persons'] = len({r[3] for r in rows if r[3]})
all_ids += ids

split = read('split.csv', ['id', 'split'])
sp = {r[0]: r[1] for r in split}
if len(sp) != len(split) or set(sp) != set(all_ids):
    errors.append('split.csv does not cover exactly every id once')
for i, s in sp.items():
    if s != split_of(i):
        errors.append(f'split.csv: {i} is {s}, the rule says {split_of(i)}')
counts['split test'] = sum(1 for s in sp.values() if s == 'test')
counts['split dev'] = sum(1 for s in sp.values() if s == 'dev')

# label folders written by the labellers
for folder in sorted(glob.glob(os.path.join(HERE, 'labels-*'))):
    base = os.path.basename(folder)
    for name, src in [('comments-nl.csv', 'comments-nl.csv'), ('comments-en.csv', 'comments-en.csv')]:
        p = os.path.join(base, name)
        if not os.path.exists(os.path.join(HERE, p)):
            errors.append(f'{p}: missing'); continue
        lab = read(p, ['id', 'sentiment', 'themes'])
        want = {r[0] for r in read(src, ['id', 'text', 'context'])}
        if {r[0] for r in lab} != want:
            errors.append(f'{p}: ids differ from {src}')
        for r in lab:
            if r[1] not in ('negative', 'neutral', 'positive'):
                errors.append(f'{p}: {r[0]} sentiment {r[1]!r}')
            for t in [t for t in r[2].split(';') if t] if r[2] else []:
                if t not in themes:
                    errors.append(f'{p}: {r[0]} unknown theme {t!r}')
    p = os.path.join(base, 'contact-reasons.csv')
    if os.path.exists(os.path.join(HERE, p)):
        lab = read(p, ['id', 'demand', 'failure_type'])
        if {r[0] for r in lab} != set(ids):
            errors.append(f'{p}: ids differ from contact-reasons.csv')
        for r in lab:
            ok = (r[1] == 'value' and r[2] == '') or (r[1] == 'failure' and r[2] in (
                'chasing', 'repeating', 'correcting', 'not-understanding', 'complaint'))
            if not ok:
                errors.append(f'{p}: {r[0]} demand {r[1]!r} failure_type {r[2]!r}')
    else:
        errors.append(f'{p}: missing')

for k, v in counts.items():
    print(f'{k}: {v}')
print(f'themes: {len(themes)}')
if errors:
    print('\n'.join(errors[:50]), file=sys.stderr)
    sys.exit(1)
print('ok')
