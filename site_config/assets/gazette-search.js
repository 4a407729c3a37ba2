/* Gazette: the search page. Reads the static index in search/ (gazette/search/static.py).
 *
 * A query is words separated by spaces (or "quoted phrases"); each word must occur, as
 * written, after normalisation (NFKC, traditional → simplified, lower case, punctuation
 * and spaces dropped: 《行政處罰法》 finds 行政处罚法). A 文号 in any bracket style goes
 * straight to its document. Candidates come from the postings of every one- or
 * two-character piece; every document shown is checked against its text first.
 * Filters: kind, issuer, year, date range; sort by relevance or date.
 * Text from the archive is inserted with textContent only, never as HTML.
 */
(function () {
  "use strict";
  // PROBE: candidates checked before a typo is suspected; READS: texts one request (a search, or 显示更多) fetches
  // at most, the probe and the fixes' checks included (a query whose candidates mostly lack its words stops
  // there, with 显示更多); FIX_CHECK: candidates of the best fix checked (FIX_CHECK_NEXT of the others).
  // REQUEST_BYTES: index bytes one request fetches at most (about; TEXT_BYTES a text), FIX_BYTES: spent, no more
  // fixes are searched.
  var PAGE = 10, EXCERPT = 70, PROBE = 10, DEFERRALS = 10, READS = 30, FIX_CHECK = 6, FIX_CHECK_NEXT = 3;
  var REQUEST_BYTES = 250 * 1024, FIX_BYTES = 200 * 1024, TEXT_BYTES = 5500;
  var KIND_LABELS = { regulation: "规章", normative: "规范性文件", interpretation: "政策解读", personnel: "人事任免", other: "其他" };
  var VALIDITY_LABELS = { not_yet_effective: "尚未生效", in_force: "现行有效", amended: "已被修改", repealed: "已废止", expired: "已失效" };
  var KEEP = /[0-9a-z\u3007\u3400-\u4dbf\u4e00-\u9fff]/;

  function base() {
    var meta = document.querySelector('meta[name="gz-base"]');
    return (meta ? meta.getAttribute("content").replace(/\/$/, "") : ".") + "/search-index/";
  }

  // ------------------------------------------------------------------ fetching
  var cache = {}, metaLoaded = null;
  var tablesVersion = "";  // meta.tables: the lookup tables change with every build, blocks never do
  var bytesFetched = 0, requestMark = 0;  // index bytes fetched; bytesFetched when the user last asked
  function spent() { return bytesFetched - requestMark; }
  function fetchBytes(path, gz) {
    if (!cache[path]) {
      var url = base() + path + (path.indexOf("b/") === 0 || path === "meta.json" ? "" : "?v=" + tablesVersion);
      cache[path] = fetch(url, path === "meta.json" ? { cache: "no-cache" } : {}).then(function (response) {
        if (!response.ok) throw new Error(path + ": HTTP " + response.status);
        return response.arrayBuffer();
      }).then(function (raw) {
        bytesFetched += raw.byteLength;
        if (!gz) return raw;
        return new Response(new Blob([raw]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
      }).then(function (buffer) { return new Uint8Array(buffer); });
    }
    return cache[path];
  }
  function fetchJson(path, gz) {
    return fetchBytes(path, gz).then(function (bytes) { return JSON.parse(new TextDecoder().decode(bytes)); });
  }

  // ------------------------------------------------------------------ normalisation
  var foldTable = null, phraseTable = null, phraseStarts = {};
  function loadFold() {
    return foldTable ? Promise.resolve(foldTable) : fetchJson("fold.json.gz", true).then(function (t) {
      phraseTable = t.phrases;
      Object.keys(phraseTable).forEach(function (key) { (phraseStarts[key[0]] = phraseStarts[key[0]] || []).push(key); });
      Object.keys(phraseStarts).forEach(function (c) {
        phraseStarts[c].sort(function (a, b) { return (b.length - a.length) || (a < b ? -1 : a > b ? 1 : 0); });
      });
      foldTable = t.chars;
      return foldTable;
    });
  }
  /* The searchable form of text (gazette/search/normalize.py: each character through
   * the fold table, only letters, digits and CJK kept, then the phrase table applied
   * left to right, longest first), and for each of its characters the index of the
   * character of text it came from (phrases keep their length, so positions hold). */
  function searchable(text) {
    var form = "", where = [];
    for (var i = 0; i < text.length; i++) {
      var c = text[i], code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff) { i++; continue; }  // outside the BMP: never searchable (as in Python)
      var f = Object.prototype.hasOwnProperty.call(foldTable, c) ? foldTable[c] : c;
      for (var k = 0; k < f.length; k++) if (KEEP.test(f[k])) { form += f[k]; where.push(i); }
    }
    var out = "";
    for (var at = 0; at < form.length;) {
      var keys = Object.prototype.hasOwnProperty.call(phraseStarts, form[at]) ? phraseStarts[form[at]] : null, hit = null;
      for (var j = 0; keys && j < keys.length && !hit; j++) if (form.substr(at, keys[j].length) === keys[j]) hit = keys[j];
      if (hit) { out += phraseTable[hit]; at += hit.length; } else { out += form[at]; at++; }
    }
    return { form: out, where: where, source: text };
  }
  function formOf(text) { return searchable(text).form; }

  var DOC_NUMBER = /^([^〔\[［(（【]*?)\s*[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*(\d+)\s*号$/;
  var ORDER_NUMBER = /^(.*?)令\s*(?:\d{4}\s*年\s*)?第\s*([\d〇零一二三四五六七八九十百千]+)\s*号$/;
  function docNumberKey(text) {
    var flat = text.normalize("NFKC").replace(/\s+/g, ""), out = "";
    for (var i = 0; i < flat.length; i++) {
      var c = flat[i];
      out += (/[\u4e00-\u9fff]/.test(c) && Object.prototype.hasOwnProperty.call(foldTable, c)) ? foldTable[c] : c;
    }
    var m = DOC_NUMBER.exec(out);
    if (m) return m[1] + "〔" + m[2] + "〕" + parseInt(m[3], 10) + "号";
    m = ORDER_NUMBER.exec(out);
    if (m && m[1]) return m[1] + "令第" + m[2] + "号";
    return null;
  }

  // ------------------------------------------------------------------ postings
  function fnv1a(text) {
    var bytes = new TextEncoder().encode(text), h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }
  function readVarint(bytes, state) {
    var value = 0, shift = 0, b;
    do { b = bytes[state.at++]; value += (b & 0x7f) * Math.pow(2, shift); shift += 7; } while (b & 0x80);
    return value;
  }
  function decodePostings(bytes, total) {
    var state = { at: 1 }, kind = bytes[0], count = readVarint(bytes, state), out = new Uint32Array(count), k = 0;
    if (kind === 1) {
      for (var n = 0; n < total && k < count; n++) if (bytes[state.at + (n >> 3)] & (1 << (n & 7))) out[k++] = n;
    } else {
      var previous = -1;
      for (; k < count; k++) { previous += readVarint(bytes, state) + 1; out[k] = previous; }
    }
    return out;
  }
  /* Blocks (gazette/search/static.py): runs of documents in date order, each with its own
   * shards and numbers; a document's number is its block's offset plus its own. */
  function blocks(meta) {
    if (!meta.offsets) {
      var at = 0;
      meta.offsets = meta.blocks.map(function (b) { var start = at; at += b.documents; return start; });
    }
    return meta.blocks;
  }
  var shards = {};
  function shard(block, index) {
    var path = "b/" + block.id + "/s/" + index.toString(16) + ".gz";
    if (!shards[path]) {
      shards[path] = fetchBytes(path, true).then(function (bytes) {
        var terms = {}, state = { at: 0 }, decoder = new TextDecoder();
        while (state.at < bytes.length) {
          var keyLength = readVarint(bytes, state), key = decoder.decode(bytes.subarray(state.at, state.at + keyLength));
          state.at += keyLength;
          var bodyLength = readVarint(bytes, state);
          terms[key] = bytes.subarray(state.at, state.at + bodyLength);
          state.at += bodyLength;
        }
        return terms;
      });
    }
    return shards[path];
  }
  function postings(meta, term) {
    var tag = term.charAt(0), key = (tag === "T" || tag === "N" || tag === "R") && term.length > 1 ? term.slice(1) : term;  // title, 文号 and issuer pieces share the body piece's shard
    var hash = fnv1a(key);
    return Promise.all(blocks(meta).map(function (block, b) {
      return shard(block, hash % block.shards).then(function (terms) {
        var local = terms[term] ? decodePostings(terms[term], block.documents) : new Uint32Array(0);
        for (var i = 0; i < local.length; i++) local[i] += meta.offsets[b];
        return local;
      });
    })).then(function (parts) {
      var size = 0, out, at = 0;
      parts.forEach(function (p) { size += p.length; });
      out = new Uint32Array(size);
      parts.forEach(function (p) { out.set(p, at); at += p.length; });
      return out;
    });
  }
  function intersect(lists) {
    if (!lists.length) return null;
    lists.sort(function (a, b) { return a.length - b.length; });
    var result = Array.prototype.slice.call(lists[0]);
    for (var i = 1; i < lists.length && result.length; i++) {
      var other = lists[i], j = 0, kept = [];
      for (var k = 0; k < result.length; k++) {
        while (j < other.length && other[j] < result[k]) j++;
        if (j < other.length && other[j] === result[k]) kept.push(result[k]);
      }
      result = kept;
    }
    return result;
  }
  /* The pieces whose postings a word's candidates are drawn from: its two-character
   * pieces, at most MAX_PIECES of them over a long word (each costs one shard file per
   * unit; every document shown is checked against its text anyway). First the pieces
   * across a gap in what was typed (根据《中华…: 据中), where a phrase differs from the
   * names it quotes, then the others spread evenly. */
  var MAX_PIECES = 8;
  function pieces(word) {
    var form = word.form;
    if (form.length <= 2) return [form];
    var starts = [], joints = [], where = searchable(word.raw).where;
    for (var i = 0; i + 1 < form.length; i++) (where[i + 1] - where[i] > 1 ? joints : starts).push(i);
    joints = joints.slice(0, MAX_PIECES / 2);
    var room = MAX_PIECES - joints.length;
    if (starts.length > room) {
      var spread = [];
      for (var k = 0; k < room; k++) spread.push(starts[Math.round(k * (starts.length - 1) / Math.max(room - 1, 1))]);
      starts = spread;
    }
    var out = {};
    joints.concat(starts).sort(function (a, b) { return a - b; }).forEach(function (at) { out[form.slice(at, at + 2)] = true; });
    return Object.keys(out);
  }

  // ------------------------------------------------------------------ query
  /* Words separated by spaces, or "quoted phrases". A lone Chinese character is not a
   * word of its own: it is joined to the bare words beside it (几 个 问 题 → 几个问题,
   * 请及时 向 → 请及时向), as searchindex._segments does. */
  var ONE_CJK = /^[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]$/, CJK_EDGE = /[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
  function parseQuery(query) {
    var words = [], re = /"([^"]*)"|(\S+)/g, m;
    while ((m = re.exec(query))) {
      var quoted = m[1] !== undefined, raw = quoted ? m[1] : m[2];
      var form = formOf(raw);
      if (!form) continue;
      var last = words[words.length - 1];
      if (!quoted && last && !last.quoted && CJK_EDGE.test(last.raw.slice(-1)) && CJK_EDGE.test(raw.charAt(0)) &&
          (ONE_CJK.test(raw) || ONE_CJK.test(last.lastPart))) {
        last.raw += raw; last.form = formOf(last.raw); last.lastPart = raw;
      } else {
        words.push({ raw: raw, form: form, quoted: quoted, lastPart: raw });
      }
    }
    return words;
  }
  function dateNumber(text, end) {
    var parts = (text || "").match(/\d+/g);
    if (!parts) return null;
    var y = +parts[0], m = parts[1] ? +parts[1] : (end ? 12 : 1), d = parts[2] ? +parts[2] : (end ? 31 : 1);
    return y * 10000 + m * 100 + d;
  }
  function dateRange(meta, filters) {
    var low = filters.year ? +filters.year * 10000 + 101 : dateNumber(filters.from, false);
    var high = filters.year ? +filters.year * 10000 + 1231 : dateNumber(filters.to, true);
    if (low === null && high === null) return Promise.resolve(null);
    return fetchJson("dates.json.gz", true).then(function (days) {
      // days: [[yyyymmdd, first number], …] in order; a range of days is a range of numbers.
      var first = meta.documents, last = -1;
      for (var i = 0; i < days.length; i++) {
        var day = days[i][0], start = days[i][1], stop = i + 1 < days.length ? days[i + 1][1] - 1 : meta.documents - 1;
        if ((low === null || day >= low) && (high === null || day <= high) && day > 0) {
          first = Math.min(first, start); last = Math.max(last, stop);
        }
      }
      return [first, last];
    });
  }

  /* A 令号 however it is typed (省政府令第453号, …令１１３２号, 第1006号令): [the organ's
   * searchable form, the number], as normalize.order_number. */
  var ORDER_TYPED = /^(.*?)(?:令(?:\d{4}年)?第?(\d{1,6})号|第(\d{1,6})号令)$/;
  function orderNumber(text) {
    var m = ORDER_TYPED.exec(text.normalize("NFKC").replace(/\s+/g, ""));
    return m ? [formOf(m[1]), parseInt(m[2] || m[3], 10)] : null;
  }
  function abbreviates(short, name) {  // normalize.abbreviates: 省政府 of 山东省人民政府
    var at = 0;
    for (var i = 0; i < short.length; i++) { at = name.indexOf(short[i], at); if (at < 0) return false; at++; }
    return true;
  }
  function run(meta, query, filters) {
    var typed = query.trim(), key = docNumberKey(typed), order = orderNumber(typed);
    var lookup = function (k) {
      return fetchJson("n/" + (fnv1a(k) % meta.number_shards).toString(16) + ".json.gz", true)
        .then(function (table) { return table[k] || []; });
    };
    var exact = (key ? lookup(key) : Promise.resolve([])).then(function (found) {
      if (found.length || !order) return found;
      // A 令号 typed short: every 令号 with that number whose organ it abbreviates.
      return lookup("令第" + order[1] + "号").then(function (pairs) {
        return pairs.filter(function (p) { return abbreviates(order[0], p[1]); }).map(function (p) { return p[0]; });
      });
    });
    return exact.then(function (exactDocs) {
      // A 文号 goes straight to its document (or its printings); searched as text only when no document has it.
      return search(meta, exactDocs.length ? "" : query, filters, exactDocs);
    });
  }
  function union(lists) {
    var seen = {}, out = [];
    lists.forEach(function (list) { for (var i = 0; i < list.length; i++) if (!seen[list[i]]) { seen[list[i]] = true; out.push(list[i]); } });
    return out.sort(function (a, b) { return a - b; });
  }
  /* The documents a word occurs in: every piece in the body, or every piece in the 文号,
   * or every piece in an issuer's name. Also those whose title has every piece. */
  function wordDocs(meta, word) {
    var ps = pieces(word);
    var get = function (prefix) { return Promise.all(ps.map(function (p) { return postings(meta, prefix + p); })).then(intersect); };
    return Promise.all([get(""), get("N"), get("R"), get("T")]).then(function (r) {
      return { docs: union([r[0], r[1], r[2]]), body: r[0], title: r[3] };
    });
  }
  function exactTitle(meta, query) {
    var form = formOf(query);
    if (form.length < 4 || !meta.title_shards) return Promise.resolve([]);
    return fetchJson("e/" + (fnv1a(form) % meta.title_shards).toString(16) + ".json.gz", true)
      .then(function (table) { return table[form] || []; });
  }
  function search(meta, query, filters, exactDocs) {
    var words = parseQuery(query);
    var filterTerms = [];
    if (filters.kind) filterTerms.push("K" + filters.kind);
    if (filters.validity) filterTerms.push("V" + filters.validity);
    if (filters.issuer) filterTerms.push("I" + formOf(filters.issuer));
    // 行政 处罚: where the words stand together (the pieces across each gap occur too) the text ranks first.
    var bridges = [];
    if (words.length > 1 && words.every(function (w) { return /[\u3400-\u9fff]/.test(w.form); }))
      for (var b = 0; b + 1 < words.length; b++) bridges.push(words[b].form.slice(-1) + words[b + 1].form.charAt(0));
    return Promise.all([Promise.all(words.map(function (w) { return wordDocs(meta, w); })),
                        Promise.all(bridges.map(function (t) { return postings(meta, t); })),
                        Promise.all(filterTerms.map(function (t) { return postings(meta, t); })),
                        dateRange(meta, filters), words.length ? exactTitle(meta, query) : Promise.resolve([])])
      .then(function (parts) {
        var perWord = parts[0], bridged = parts[1], filterLists = parts[2], range = parts[3], titled = parts[4];
        var inRange = function (n) { return !range || (n >= range[0] && n <= range[1]); };
        var allowed = null;
        if (filterTerms.length) {
          allowed = {};
          intersect(filterLists).forEach(function (n) { allowed[n] = true; });
        }
        var keep = function (n) { return inRange(n) && (!allowed || allowed[n]); };
        var firsts = exactDocs.length ? exactDocs : titled;  // a 文号, else an exact title, goes first
        var exact = firsts.filter(keep);
        var candidates = words.length ? intersect(perWord.map(function (w) { return w.docs; }))
          : (!exactDocs.length && filterTerms.length ? intersect(filterLists) : []);
        var tier = {};  // 3: the words stand together, 2: the title has them, 1: the text has them, 0: only the 文号 or issuer
        if (words.length) {
          intersect(perWord.map(function (w) { return w.body; })).forEach(function (n) { tier[n] = 1; });
          intersect(perWord.map(function (w) { return w.title; })).forEach(function (n) { tier[n] = 2; });
          if (bridged.length) intersect(perWord.map(function (w) { return w.body; }).concat(bridged)).forEach(function (n) { tier[n] = 3; });
        }
        var shown = {};
        exact.forEach(function (n) { shown[n] = true; });
        var rest = candidates.filter(function (n) { return keep(n) && !shown[n]; });
        var byNew = function (a, b) { return b - a; }, byOld = function (a, b) { return a - b; };
        if (filters.sort === "old") { rest.sort(byOld); exact.sort(byOld); }
        else if (filters.sort === "new") { rest.sort(byNew); exact.sort(byNew); }
        else rest.sort(function (a, b) { return ((tier[b] || 0) - (tier[a] || 0)) || (b - a); });
        var together = exact.length + rest.filter(function (n) { return tier[n] === 3; }).length;
        var joined = bridges.length ? words.map(function (w) { return w.form; }).join("") : null;
        return { words: words, exact: exact, order: exact.concat(rest), together: filters.sort ? 0 : together, joined: joined };
      });
  }

  // ------------------------------------------------------------------ 您是不是要找…
  /* A query that finds nothing may have a mistyped character (环境保户, 福射安全): as
   * searchindex._suggestion does, the characters beside a pair no text has (or, when
   * every pair occurs somewhere, beside the rarest) are replaced by characters that
   * follow the one before and precede the one after in the texts. The neighbour tables
   * (x/ of every unit, static.py) say which, and in about how many documents; a fix is
   * ranked by the count of its rarest new pair times the weight of the slip it undoes
   * (slipWeight: sounds.json.gz and shapes/). A repeated character deleted, two
   * swapped or one left out (edits, normalize.edits) are fixes too, weighed alike. Of
   * the MAX_SEARCHES best, the first that finds a verified document is shown, labelled;
   * at most MAX_FIXES that have candidates have their texts checked. */
  var DOUBLED_WEIGHT = 1000, SWAPPED_WEIGHT = 300, OMITTED_WEIGHT = 100;  // normalize.edits
  var MAX_FIXES = 5, MAX_SEARCHES = 8, SOUND_WEIGHT = 1000, SHAPE_WEIGHT = 300, NEAR_WEIGHT = 100, CJK_ONLY = /^[\u3007\u3400-\u4dbf\u4e00-\u9fff]+$/;
  function neighbourTables(meta, chars) {  // per unit: {char: [followers, counts, preceders, counts]}
    return Promise.all(blocks(meta).map(function (block) {
      if (!block.neighbours) return Promise.resolve({});
      var files = {};
      chars.forEach(function (c) { files[(fnv1a(c) % block.neighbours).toString(16)] = true; });
      return Promise.all(Object.keys(files).map(function (hex) { return fetchJson("b/" + block.id + "/x/" + hex + ".json.gz", true); }))
        .then(function (tables) {
          var out = {};
          tables.forEach(function (t) { chars.forEach(function (c) { if (Object.prototype.hasOwnProperty.call(t, c)) out[c] = t[c]; }); });
          return out;
        });
    }));
  }
  var soundsOf = null;
  function loadSounds() {  // char → its syllables
    return soundsOf ? Promise.resolve(soundsOf) : fetchJson("sounds.json.gz", true).then(function (table) {
      soundsOf = {};
      Object.keys(table).forEach(function (syllable) {
        var chars = table[syllable];
        for (var i = 0; i < chars.length; i++) (soundsOf[chars[i]] = soundsOf[chars[i]] || []).push(syllable);
      });
      return soundsOf;
    });
  }
  /* How likely a slip the fix undoes is: a character typed for one of the same sound
   * (户 for 护, a pinyin input method's slip) weighs SOUND_WEIGHT, for one that looks
   * alike (末 for 未, shapes/) SHAPE_WEIGHT, for one of a sound alike under the fuzzy
   * rules such input methods offer (z/zh, c/ch, s/sh, n/l, in/ing, en/eng, an/ang:
   * 名 for 民) NEAR_WEIGHT, any other 1. A fix's score is its count times its weight, so
   * a likely slip is tried before a common pair: 锐务机关 is 税务机关 before 服务机关. */
  function fuzzy(syllable) {
    return syllable.replace(/^([zcs])h/, "$1").replace(/^l/, "n").replace(/(in|en|an)g$/, "$1");
  }
  var shapesOf = {};
  function loadShapes(meta, chars) {  // char → the characters that look like it
    if (!meta.shape_shards) return Promise.resolve(shapesOf);
    var files = {};
    chars.forEach(function (c) { files[(fnv1a(c) % meta.shape_shards).toString(16)] = true; });
    return Promise.all(Object.keys(files).map(function (hex) {
      return fetchJson("shapes/" + hex + ".json.gz", true).then(function (t) { Object.keys(t).forEach(function (c) { shapesOf[c] = t[c]; }); });
    })).then(function () { return shapesOf; });
  }
  function slipWeight(fix, typed) {
    var x = soundsOf[fix] || [], y = soundsOf[typed] || [];
    if (x.some(function (s) { return y.indexOf(s) >= 0; })) return SOUND_WEIGHT;
    if ((shapesOf[typed] || "").indexOf(fix) >= 0) return SHAPE_WEIGHT;  // the table is symmetric (normalize.shape_table)
    var fx = x.map(fuzzy), fy = y.map(fuzzy);
    return fx.some(function (s) { return fy.indexOf(s) >= 0; }) ? NEAR_WEIGHT : 1;
  }
  /* About how many documents of a unit have c right after the known character a
   * (side 0: from a's followers) or right before it (side 2: from a's preceders): the
   * count listed, else, when the list is full (NEIGHBOURS kept), its smallest count,
   * an upper bound; else 0. */
  function sideCount(unit, a, side, c, kept) {
    var entry = unit[a];
    if (!entry) return 0;
    var at = entry[side].indexOf(c), counts = entry[side + 1];
    if (at >= 0) return counts[at];
    return entry[side].length >= kept ? counts[counts.length - 1] : 0;
  }
  /* The fixes of one word, as [fixed form, score]; counts: the documents of each of its
   * typed pairs (from the postings). */
  function missingPairs(term, counts) {  // where a slip may be: each pair no text has, else the rarest
    var missing = [], i;
    for (i = 0; i < counts.length; i++) if (!counts[i]) missing.push(i);
    if (!missing.length && term.length >= 3) {
      var rarest = 0;
      for (i = 1; i < counts.length; i++) if (counts[i] < counts[rarest]) rarest = i;
      missing = [rarest];
    }
    return missing;
  }
  function suspects(term, counts) {  // the characters beside those pairs
    var positions = {};
    missingPairs(term, counts).forEach(function (m) { positions[m] = positions[m + 1] = true; });
    return Object.keys(positions).map(Number).sort(function (a, b) { return a - b; });
  }
  /* normalize.edits: a repeated character deleted, the pair or one beside it swapped, as
   * [fixed, weight, indexes of the fixed word's new pairs]. */
  function edits(term, m) {
    var out = [], i;
    if (term.length >= 3) {
      for (i = m - 1; i <= m + 2; i++) {
        if (i > 0 && i < term.length && term[i - 1] === term[i]) {
          out.push([term.slice(0, i) + term.slice(i + 1), DOUBLED_WEIGHT, i < term.length - 1 ? [i - 1] : []]);
        }
      }
    }
    for (i = m - 1; i <= m + 1; i++) {
      if (i >= 0 && i < term.length - 1 && term[i] !== term[i + 1]) {
        var fixed = term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2);
        out.push([fixed, SWAPPED_WEIGHT, [i - 1, i, i + 1].filter(function (p) { return p >= 0 && p < fixed.length - 1; })]);
      }
    }
    return out;
  }
  function neededChars(term, counts) {  // the characters whose neighbours wordFixes reads
    var out = [];
    suspects(term, counts).forEach(function (j) { if (j > 0) out.push(term[j - 1]); if (j + 1 < term.length) out.push(term[j + 1]); });
    missingPairs(term, counts).forEach(function (m) {
      out.push(term[m], term[m + 1]);  // a character left out between them
      edits(term, m).forEach(function (e) { e[2].forEach(function (p) { out.push(e[0][p]); }); });
    });
    return out;
  }
  function wordFixes(units, term, counts, kept) {
    var fixes = {};
    var keep = function (fixed, score) { if (score > 0 && !(fixes[fixed] >= score)) fixes[fixed] = score; };
    var follows = function (a, b) {  // documents with the pair ab, about (neighbour tables)
      var n = 0;
      units.forEach(function (u) { n += sideCount(u, a, 0, b, kept); });
      return n;
    };
    suspects(term, counts).forEach(function (j) {
      var options = {};
      units.forEach(function (u) {  // who may stand at j: the followers of the character before, else the preceders of the one after
        var entry = j > 0 ? u[term[j - 1]] : u[term[j + 1]], list = entry ? entry[j > 0 ? 0 : 2] : "";
        for (var k = 0; k < list.length; k++) options[list[k]] = true;
      });
      Object.keys(options).forEach(function (c) {
        if (c === term[j] || !CJK_ONLY.test(c)) return;
        var fresh = Infinity, othersOccur = true;  // the count of the rarest new pair; the other pairs must occur
        for (var p = 0; p < counts.length; p++) {
          if (p === j - 1 || p === j) {
            var n = 0;
            units.forEach(function (u) { n += p === j - 1 ? sideCount(u, term[p], 0, c, kept) : sideCount(u, term[p + 1], 2, c, kept); });
            fresh = Math.min(fresh, n);
          } else if (!counts[p]) othersOccur = false;
        }
        if (othersOccur && fresh > 0) keep(term.slice(0, j) + c + term.slice(j + 1), fresh * slipWeight(c, term[j]));
      });
    });
    var typedPairs = {};
    for (var p = 0; p < counts.length; p++) typedPairs[term.slice(p, p + 2)] = counts[p];
    missingPairs(term, counts).forEach(function (m) {
      edits(term, m).forEach(function (e) {
        var fixed = e[0], fresh = Infinity;  // the count of its rarest pair (a kept pair's from the postings)
        for (var q = 0; q + 1 < fixed.length; q++) {
          var pair = fixed.slice(q, q + 2);
          fresh = Math.min(fresh, e[2].indexOf(q) >= 0 ? follows(pair[0], pair[1]) : typedPairs[pair] || 0);
        }
        if (fixed.length >= 2 && fresh < Infinity) keep(fixed, fresh * e[1]);
      });
      var left = {};  // a character left out between term[m] and term[m + 1]
      units.forEach(function (u) { var entry = u[term[m]], list = entry ? entry[0] : ""; for (var k = 0; k < list.length; k++) left[list[k]] = true; });
      Object.keys(left).forEach(function (c) {
        if (!CJK_ONLY.test(c)) return;
        var n = 0;
        units.forEach(function (u) { n += Math.min(sideCount(u, term[m], 0, c, kept), sideCount(u, term[m + 1], 2, c, kept)); });
        var othersOccur = counts.every(function (count, p) { return p === m || count > 0; });
        if (othersOccur) keep(term.slice(0, m + 1) + c + term.slice(m + 1), n * OMITTED_WEIGHT);
      });
    });
    return Object.keys(fixes).map(function (f) { return [f, fixes[f]]; });
  }
  function anyVerified(result, count) {  // has one of the first count candidates the words? (they are the ones shown next)
    var some = result.order.slice(0, count);
    return Promise.all(some.map(loadDoc)).then(function (docs) {
      return docs.some(function (doc) { return verified(doc, result.words); });
    });
  }
  /* The fixes of a query, best first: [{query (to search), shown, score}]. */
  function rankFixes(meta, query) {
    var words = parseQuery(query), fixable = words.filter(function (w) { return w.form.length >= 2 && CJK_ONLY.test(w.form); });
    if (!fixable.length) return Promise.resolve([]);
    var typedCounts = Promise.all(fixable.map(function (w) {  // mostly shards the query has read already
      var pairs = [];
      for (var i = 0; i + 1 < w.form.length; i++) pairs.push(postings(meta, w.form.slice(i, i + 2)).then(function (list) { return list.length; }));
      return Promise.all(pairs);
    }));
    return typedCounts.then(function (counts) {
      // Only the neighbours of the characters beside a suspected slip are fetched (≈ 1.7 KB per character and unit).
      var near = {}, typed = {};
      fixable.forEach(function (w, f) {
        neededChars(w.form, counts[f]).forEach(function (c) { near[c] = true; });
        suspects(w.form, counts[f]).forEach(function (j) { typed[w.form[j]] = true; });
      });
      return Promise.all([neighbourTables(meta, Object.keys(near).sort()), counts, loadSounds(), loadShapes(meta, Object.keys(typed).sort())]);
    }).then(function (loaded) {
      var units = loaded[0], tries = [];
      fixable.forEach(function (w, f) {
        var k = words.indexOf(w);
        wordFixes(units, w.form, loaded[1][f], meta.neighbours_kept || 256).forEach(function (fix) {
          var typed = words.map(function (other, m) { return '"' + (m === k ? fix[0] : other.form) + '"'; }).join(" ");
          tries.push({ query: typed, shown: words.map(function (other, m) { return m === k ? fix[0] : other.raw; }).join(" "), score: fix[1] });
        });
      });
      tries.sort(function (a, b) { return (b.score - a.score) || (a.shown < b.shown ? -1 : a.shown > b.shown ? 1 : 0); });
      return tries.slice(0, MAX_SEARCHES);
    });
  }
  /* {query, result} of the best fix of a query that found nothing, or null. */
  function correct(meta, query, filters) {
    return rankFixes(meta, query).then(function (tries) {
      // A fix none of whose candidates is left costs only its shards; MAX_FIXES fixes with candidates have their texts checked.
      function attempt(k, checked) {
        if (k >= tries.length || checked >= MAX_FIXES || spent() > FIX_BYTES) return Promise.resolve(null);
        return search(meta, tries[k].query, filters, []).then(function (result) {
          if (!result.order.length) return attempt(k + 1, checked);
          return anyVerified(result, checked ? FIX_CHECK_NEXT : FIX_CHECK).then(function (ok) { return ok ? { query: tries[k].shown, result: result } : attempt(k + 1, checked + 1); });
        });
      }
      return attempt(0, 0);
    });
  }

  function docPath(n) {
    var b = blocks(metaLoaded).length - 1;
    while (b > 0 && metaLoaded.offsets[b] > n) b--;
    return "b/" + metaLoaded.blocks[b].id + "/d/" + (n - metaLoaded.offsets[b]) + ".json.gz";
  }
  var textsFetched = 0;  // text files fetched so far (a page of results may fetch READS)
  function loadDoc(n) {
    var path = docPath(n);
    if (!cache[path]) textsFetched++;
    return fetchJson(path, true);
  }
  function verified(doc, words) {
    var text = formOf(doc[8]) + "\u0000" + formOf(doc[1]), number = formOf(doc[2]);
    var issuers = doc[3].split(/[、，,;；]/).map(formOf);
    return words.every(function (w) {
      return text.indexOf(w.form) >= 0 || number.indexOf(w.form) >= 0 ||
        issuers.some(function (name) { return name.indexOf(w.form) >= 0; });
    });
  }

  // ------------------------------------------------------------------ rendering
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function excerpt(text, words) {
    var s = searchable(text), best = null;
    words.forEach(function (w) {
      var at = s.form.indexOf(w.form);
      if (at >= 0 && (best === null || at < best.at)) best = { at: at, len: w.form.length };
    });
    var box = el("p", { "class": "gz-excerpt" });
    var src = s.source.replace(/\s+/g, " ");
    if (!best) { box.textContent = src.slice(0, EXCERPT * 2) + (src.length > EXCERPT * 2 ? "…" : ""); return box; }
    var start = s.where[best.at], end = s.where[best.at + best.len - 1] + 1;
    var from = Math.max(0, start - EXCERPT), to = Math.min(s.source.length, end + EXCERPT);
    var clean = function (t) { return t.replace(/\s+/g, " "); };
    box.appendChild(document.createTextNode((from > 0 ? "…" : "") + clean(s.source.slice(from, start))));
    box.appendChild(el("mark", {}, clean(s.source.slice(start, end))));
    box.appendChild(document.createTextNode(clean(s.source.slice(end, to)) + (to < s.source.length ? "…" : "")));
    return box;
  }
  function resultItem(doc, words, exact) {
    var li = el("li", { "class": "gz-result" + (exact ? " gz-exact" : "") });
    var link = el("a", { href: (document.querySelector('meta[name="gz-base"]') ? document.querySelector('meta[name="gz-base"]').getAttribute("content").replace(/\/$/, "") : ".") + "/" + doc[0] }, doc[1]);
    var head = el("h2");
    head.appendChild(link);
    li.appendChild(head);
    var bits = [doc[7], doc[2], doc[3], doc[4] ? "签发 " + doc[4] : "", KIND_LABELS[doc[6]] || doc[6]].filter(Boolean);
    var metaLine = el("p", { "class": "gz-result-meta" }, bits.join(" · "));
    if (doc[9]) metaLine.appendChild(el("span", { "class": "gz-validity gz-validity-" + doc[9] }, VALIDITY_LABELS[doc[9]] || doc[9]));
    li.appendChild(metaLine);
    li.appendChild(excerpt(doc[8], exact && !words.length ? [] : words));
    return li;
  }

  function startSearch() {
    var box = document.getElementById("gz-search");
    if (!box || box.dataset.ready) return;
    box.dataset.ready = "1";
    var params = new URLSearchParams(window.location.search);
    var form = el("form", { "class": "gz-search-form", role: "search" });
    var input = el("input", { type: "search", name: "q", placeholder: "检索公报全文、标题或文号", "aria-label": "检索词" });
    input.value = params.get("q") || "";
    var kind = el("select", { name: "kind", "aria-label": "类别" });
    var validity = el("select", { name: "validity", "aria-label": "效力状态" });
    var year = el("select", { name: "year", "aria-label": "年份" });
    var issuer = el("input", { type: "text", name: "issuer", placeholder: "发文机关（全称）", list: "gz-issuers", "aria-label": "发文机关" });
    var from = el("input", { type: "text", name: "from", placeholder: "起始日期 2020-01-01", "aria-label": "起始日期", size: "12" });
    var to = el("input", { type: "text", name: "to", placeholder: "截止日期 2023-12-31", "aria-label": "截止日期", size: "12" });
    var sort = el("select", { name: "sort", "aria-label": "排序" });
    [["", "按相关度"], ["new", "日期从新到旧"], ["old", "日期从旧到新"]].forEach(function (o) { sort.appendChild(el("option", { value: o[0] }, o[1])); });
    var submit = el("button", { type: "submit", "class": "md-button md-button--primary" }, "检索");
    var datalist = el("datalist", { id: "gz-issuers" });
    [input, submit, el("br"), kind, validity, year, issuer, datalist, from, to, sort].forEach(function (n) { form.appendChild(n); });
    var status = el("p", { "class": "gz-search-status", role: "status" });
    var suggest = el("p", { "class": "gz-suggest", hidden: "" });
    var list = el("ol", { "class": "gz-results" });
    var more = el("button", { type: "button", "class": "md-button", hidden: "" }, "显示更多");
    box.appendChild(form); box.appendChild(suggest); box.appendChild(status); box.appendChild(list); box.appendChild(more);
    ["issuer", "from", "to"].forEach(function (name) { form.elements[name].value = params.get(name) || ""; });

    var meta = null, current = null, shown = 0, dropped = 0, busy = false;
    var keepQuery = params.get("fix") === "0";  // 仍然检索: no typo correction for this query
    fetchJson("meta.json", false).then(function (loadedMeta) {
      tablesVersion = loadedMeta.tables || "";
      return Promise.all([loadedMeta, loadFold()]);
    }).then(function (loaded) {
      meta = metaLoaded = loaded[0];
      kind.appendChild(el("option", { value: "" }, "全部类别"));
      Object.keys(meta.kinds).forEach(function (k) { kind.appendChild(el("option", { value: k }, (KIND_LABELS[k] || k) + "（" + meta.kinds[k] + "）")); });
      validity.appendChild(el("option", { value: "" }, "全部效力"));
      Object.keys(meta.validities || {}).forEach(function (v) { validity.appendChild(el("option", { value: v }, (VALIDITY_LABELS[v] || v) + "（" + meta.validities[v] + "）")); });
      validity.value = params.get("validity") || "";
      year.appendChild(el("option", { value: "" }, "全部年份"));
      Object.keys(meta.years).sort().reverse().forEach(function (y) { year.appendChild(el("option", { value: y }, y + "年（" + meta.years[y] + "）")); });
      kind.value = params.get("kind") || ""; year.value = params.get("year") || ""; sort.value = params.get("sort") || "";
      if (input.value || params.get("kind") || params.get("issuer") || params.get("validity")) go();
    }).catch(function (error) { status.textContent = "检索索引无法加载：" + error.message; });
    issuer.addEventListener("focus", function () {
      if (datalist.childNodes.length) return;
      fetchJson("issuers.json.gz", true).then(function (names) {
        names.forEach(function (pair) { datalist.appendChild(el("option", { value: pair[0] }, pair[0] + "（" + pair[1] + "）")); });
      });
    });

    function filters() {
      return { kind: kind.value, validity: validity.value, year: year.value, issuer: issuer.value.trim(), from: from.value.trim(), to: to.value.trim(), sort: sort.value };
    }
    var actionStart = 0;  // textsFetched when the user last asked (a search or 显示更多)
    function showMore(carry) {  // carry: true when the same request goes on (after a typo check)
      if (busy || !current) return Promise.resolve();
      busy = true;
      if (carry !== true) actionStart = textsFetched;
      var wanted = PAGE, picked = [];
      function step() {
        var left = Math.min(READS - (textsFetched - actionStart),  // the probe and the fixes' checks count too
                            Math.floor((REQUEST_BYTES - spent()) / TEXT_BYTES));
        if (wanted <= 0 || current.next >= current.order.length || left <= 0) return Promise.resolve();
        // PROBE candidates without the words: a typo is likelier than a match further down.
        if (current.typed !== null && !picked.length && current.next >= PROBE) return Promise.resolve();
        var start = current.next, batch = current.order.slice(start, start + Math.min(wanted, left)), deferred = [];
        current.next += batch.length;
        return Promise.all(batch.map(loadDoc)).then(function (docs) {
          docs.forEach(function (doc, i) {
            var n = batch[i], exact = current.exactSet[n];
            if (!exact && !verified(doc, current.words)) { dropped++; return; }
            // Ranked as "the words stand together" but they do not: after the documents where they do.
            // (At most DEFERRALS of them are moved: past that, reading on costs more than the order gains.)
            if (!exact && current.joined && current.deferrals < DEFERRALS && start + i < current.together &&
                formOf(doc[8] + doc[1]).indexOf(current.joined) < 0) {
              deferred.push(n); current.deferrals++; return;
            }
            picked.push([doc, exact]); wanted--;
          });
          if (deferred.length) {
            var gone = {};
            deferred.forEach(function (n) { gone[n] = true; });
            current.order = current.order.slice(0, start).concat(current.order.slice(start).filter(function (n, k) { return !(k < batch.length && gone[n]); }));
            current.next -= deferred.length;
            current.together -= deferred.length;
            var at = Math.max(current.together, current.next);
            current.order = current.order.slice(0, at).concat(deferred, current.order.slice(at));
            current.together = Math.min(current.together, at);
          }
          return step();
        });
      }
      return step().then(function () {
        var total = current.order.length - dropped;
        var exhausted = current.next >= current.order.length;
        if (!picked.length && current.typed !== null && (exhausted || current.next >= PROBE)) {  // perhaps a typo
          var typed = current.typed, checked = current.next;
          current.typed = null;
          return correct(meta, typed, current.filters).then(function (fix) {
            busy = false;
            if (!fix) return exhausted ? finish(total, true) : showMore(true);  // go on checking the query itself
            suggest.hidden = false;
            suggest.textContent = exhausted ? "没有找到“" + typed + "”；以下是“" : "“" + typed + "”的前 " + checked + " 件候选文件都不含该词；以下是“";
            var link = function (q, extra) {
              var again = new URLSearchParams(window.location.search);
              again.set("q", q);
              if (extra) again.set("fix", "0"); else again.delete("fix");
              return "?" + again.toString();
            };
            suggest.appendChild(el("a", { href: link(fix.query) }, fix.query));
            suggest.appendChild(document.createTextNode("”的结果。"));
            if (!exhausted) {
              suggest.appendChild(el("a", { href: link(typed, true), "class": "gz-suggest-original" }, "仍然检索“" + typed + "”"));
            }
            begin(fix.result, null, current.filters);
            return showMore(true);
          });
        }
        picked.forEach(function (p) { list.appendChild(resultItem(p[0], current.words, p[1])); shown++; });
        return finish(total, exhausted);
      });
    }
    function finish(total, exhausted) {
      // Until every candidate has been checked against its text the count is an upper bound: say so.
      status.textContent = total ? ((exhausted ? "共 " : "约 ") + total + " 件" + (exhausted ? "" : "（已核对前 " + current.next + " 件）") + "，显示 " + shown + " 件") : "没有找到符合条件的文件。可以检查是否有错别字，减少或更换检索词，去掉类别、年份、发文机关等筛选条件；文号可直接输入，如 鲁政发〔2023〕5号。";
      more.hidden = exhausted;
      busy = false;
    }
    /* Show a search's results from the first; typed: the query, whose typo is corrected when nothing is found (null: do not). */
    function begin(result, typed, f) {
      current = { words: result.words, order: result.order, next: 0, exactSet: {}, together: result.together, joined: result.joined, typed: typed, filters: f, deferrals: 0 };
      result.exact.forEach(function (n) { current.exactSet[n] = true; });
      dropped = 0;
    }
    function go() {
      if (!meta) return;
      requestMark = bytesFetched;
      var q = input.value, f = filters();
      var state = new URLSearchParams();
      if (q) state.set("q", q);
      Object.keys(f).forEach(function (k) { if (f[k]) state.set(k, f[k]); });
      history.replaceState(null, "", "?" + state.toString());
      list.textContent = ""; shown = 0; dropped = 0; more.hidden = true;
      if (!parseQuery(q).length && !docNumberKey(q.trim()) && !f.kind && !f.issuer && !f.validity) { status.textContent = "请输入检索词"; return; }
      status.textContent = "检索中…";
      suggest.hidden = true; suggest.textContent = "";
      run(meta, q, f).then(function (result) {
        begin(result, result.words.length && !result.exact.length && !keepQuery ? q.trim() : null, f);
        keepQuery = false;
        return showMore();
      }).catch(function (error) { status.textContent = "检索出错：" + error.message; busy = false; });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); go(); });
    more.addEventListener("click", function () { requestMark = bytesFetched; showMore(); });
    /* For scripts and tests: every verified result of a query, as [url, title] pairs in
     * order (of the corrected query when the query finds nothing and a fix does: its
     * text is then in gazetteSearch.corrected). */
    window.gazetteSearch = {
      ready: function () { return !!meta; },
      form: function (text) { return formOf(text); },  // the searchable form (normalize.searchable)
      edits: edits,  // normalize.edits
      slipWeight: function (fix, typed) {  // normalize.slip_weight, once its tables are fetched
        return Promise.all([loadSounds(), loadShapes(meta, [typed])]).then(function () { return slipWeight(fix, typed); });
      },
      corrected: null,
      all: function (q, f) {
        var api = this;
        api.corrected = null;
        requestMark = bytesFetched;
        // As the page does: the first PROBE candidates are checked, and when none has the
        // words the query is corrected (within the same byte budget) before the rest is read.
        return run(meta, q, f || {}).then(function (result) {
          if (!result.words.length || result.exact.length) return every(result);
          return anyVerified(result, PROBE).then(function (some) {
            if (some) return every(result);
            return correct(meta, q, f || {}).then(function (fix) {
              if (!fix) return every(result);
              api.corrected = fix.query;
              return every(fix.result);
            });
          });
        });
        function every(result) {
          var found = [], exact = {}, at = 0;
          result.exact.forEach(function (n) { exact[n] = true; });
          function batch() {  // 32 documents at a time: a browser refuses thousands of requests at once
            if (at >= result.order.length) return Promise.resolve(found);
            var numbers = result.order.slice(at, at + 32);
            at += numbers.length;
            return Promise.all(numbers.map(loadDoc)).then(function (docs) {
              docs.forEach(function (doc, i) {
                if (exact[numbers[i]] || verified(doc, result.words)) found.push([doc[0], doc[1]]);
                delete cache[docPath(numbers[i])];
              });
              return batch();
            });
          }
          return batch();
        }
      }
    };
  }
  if (window.document$ && window.document$.subscribe) { window.document$.subscribe(startSearch); }
  else { document.addEventListener("DOMContentLoaded", startSearch); }
})();
