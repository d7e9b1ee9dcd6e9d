#!/usr/bin/env python3
"""Proposes rows for data/laws.tsv from texts that state a law's number: its own header ("Luật số:
31/2024/QH15 … ngày …, LUẬT ĐẤT ĐAI") or a mention that writes name and number together ("Luật Đất đai số
31/2024/QH15"), dated where some text of the corpus dates that name in the law's year. Every row names the
files that state it. A helper for people, never run by CI: read its output before it goes into the table.

Usage: scripts/mine_laws.py [VNCITE_BIN] > /tmp/laws.tsv   (reads ../shared/corpus and ../shared/graph_truth/texts)"""
import collections, glob, json, re, subprocess, sys, unicodedata

BIN = sys.argv[1] if len(sys.argv) > 1 else "target/release/vncite"
SHARED = "../shared"
FILES = sorted(glob.glob(f"{SHARED}/corpus/*.txt") + glob.glob(f"{SHARED}/graph_truth/texts/*.txt"))
# The Quốc hội term of each numbering suffix, by year: a symbol outside its term is a typo in the text.
TERMS = {10: (1997, 2002), 11: (2002, 2007), 12: (2007, 2011), 13: (2011, 2016), 14: (2016, 2021), 15: (2021, 2026)}


def fold(s):
    s = unicodedata.normalize("NFD", s.lower()).replace("đ", "d")
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).split())


def sentence_case(title):
    """'QUẢN LÝ THUẾ' -> 'Quản lý thuế', and 'SỬA ĐỔI, … CỦA LUẬT QUẢN LÝ THUẾ' -> 'sửa đổi, … của Luật Quản
    lý thuế': the national listing's spelling of most names."""
    t = title.lower()
    if t.startswith("sửa đổi"):
        head, _, amended = t.partition(" của luật ")
        return f"{head} của Luật {amended[:1].upper()}{amended[1:]}" if amended else t
    return t[:1].upper() + t[1:]


EFFECT = re.compile(r"(?:Luật|Bộ luật) này có hiệu lực (?:thi hành )?(?:kể )?từ ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})")


MENTION = re.compile(
    r"((?:Bộ luật|Luật|Pháp lệnh) (?:[^\s;:,.()]+(?:,? )){1,14}?)số (\d{1,3}/\d{4}/QH\d{1,2})"
)


def main():
    out = subprocess.run([BIN, "extract", "--format", "json", *FILES], capture_output=True, check=True)
    names = collections.defaultdict(collections.Counter)
    sources = collections.defaultdict(set)
    issued = {}
    effective = {}
    own_text = {}
    dated_names = collections.defaultdict(set)  # (name key, date) -> files
    for line in out.stdout.decode().splitlines():
        rec = json.loads(line)
        src = rec["source"].replace(f"{SHARED}/", "")
        text = unicodedata.normalize("NFC", open(rec["source"], encoding="utf-8").read())
        doc = rec.get("document")
        if doc and doc["doc_type"] in ("law", "code") and doc.get("title") and "/QH" in doc["symbol"]:
            title = doc["title"]
            if len(title.split()) <= 16 and not fold(title).startswith("cua "):
                kind = "Bộ luật" if doc["doc_type"] == "code" else "Luật"
                names[doc["symbol"]][f"{kind} {sentence_case(title)}"] += 1
                sources[doc["symbol"]].add(src)
                own_text[doc["symbol"]] = src
                if doc.get("date"):
                    issued[doc["symbol"]] = (doc["date"], src)
                m = EFFECT.search(text)
                if m:
                    effective[doc["symbol"]] = "%s-%02d-%02d" % (m.group(3), int(m.group(2)), int(m.group(1)))
        for m in MENTION.finditer(text):
            name = " ".join(m.group(1).split()).rstrip(",")
            f = fold(name)
            junk = any(w in f for w in (" cua ", " nay ", "sua doi", "nghi quyet", "khoan ", "dieu ")) or f.startswith("luat so")
            if junk or any(c.isdigit() for c in f) or len(f.split()) < 2:
                continue
            names[m.group(2)][name] += 1
            sources[m.group(2)].add(src)
        for n in rec["named"]:
            if n.get("date"):
                dated_names[(fold(n["name"]), n["date"])].add(src)
    # A name given two numbers of one year is a typo in one text: the number fewer texts write goes.
    by_name_year = collections.defaultdict(list)
    for symbol, counter in names.items():
        best = counter.most_common(1)[0][0]
        by_name_year[(fold(best), symbol.split("/")[1])].append(symbol)
    typo = {s for group in by_name_year.values() if len(group) > 1
            for s in sorted(group, key=lambda s: -len(sources[s]))[1:]}
    print("\t".join(["# symbol", "name", "issued", "effective", "sources"]))
    for symbol in sorted(names, key=lambda s: (int(s.split("/")[1]), int(s.split("/")[0]))):
        if symbol in typo:
            continue
        year, term = int(symbol.split("/")[1]), int(symbol.split("QH")[1])
        lo, hi = TERMS.get(term, (0, 0))
        if not lo <= year <= hi:
            continue
        # The spelling most texts use; capitals as the listings write them beat lower case.
        name = max(names[symbol].items(), key=lambda kv: (kv[1], kv[0][len(kv[0].split()[0]) + 1 :][:1].isupper()))[0]
        date, date_src = issued.get(symbol, (None, None))
        if date is None:
            cands = {(d, tuple(sorted(s))) for (k, d), s in dated_names.items() if k == fold(name) and d.startswith(str(year))}
            if len({d for d, _ in cands}) == 1:
                date, srcs = cands.pop()
                date_src = srcs[0]
        srcs = [own_text.get(symbol)] + sorted(sources[symbol])[:1] + [date_src]
        srcs = list(dict.fromkeys(s for s in srcs if s))
        print("\t".join([symbol, name, date or "", effective.get(symbol, ""), " ".join(srcs)]))


main()
