package geoparse

import (
	"strings"
	"unicode"

	"reportmap/gazetteer"
)

// mention is one written name of a place, before resolution.
type mention struct {
	Span                          // the name as written, with a designator ("Kursk region")
	sentence   int                // index into the sentences
	name       string             // the text looked up
	cands      []*gazetteer.Entry // gazetteer candidates, most prominent first
	modifier   string             // "northeastern", "" if none
	des        designator         // a designator that follows or precedes ("region of")
	dateline   bool               // part of an all-caps dateline
	inOrg      bool               // a country named inside a state body's name
	possessive bool               // written "Russia's"
	initial    bool               // the first word of its sentence
	prep       string             // the preposition before it ("in"), lower case
	cue        bool               // a location noun or event word before the preposition
	origin     bool               // "from X": where someone comes from
	addressee  bool               // "urged X", "told X": spoken to
	hint       string             // a country code from "the Russian region of"
	pair       int                // index of the mention after ", " ("Paris, Texas"), else -1
	listed     []int              // the mentions beside it in a list ("Alabama, Georgia and Florida")
}

// recognise finds the mentions of places in text, and the country codes
// its demonyms refer to.
func (p *Parser) recognise(text string, sents []Span) (ms []mention, demonyms map[string]int) {
	demonyms = map[string]int{}
	persons := map[string]bool{} // words seen in people's names
	for si, s := range sents {
		toks := tokenize(text, s)
		first := firstWord(toks)
		for i := 0; i < len(toks); {
			t := &toks[i]
			if !t.word || !t.cap {
				i++
				continue
			}
			j := runEnd(toks, i)
			// A possessive ends a run, unless the name goes on through it:
			// "Cox's Bazar", "Martha's Vineyard".
			if toks[j-1].poss > 0 && j < len(toks) && toks[j].word && toks[j].cap {
				if e := runEnd(toks, j); len(p.g.Lookup(text[toks[i].Start:toks[e-1].End-toks[e-1].poss])) > 0 {
					j = e
				}
			}
			i = p.run(text, toks, i, j, si, first, &ms, demonyms, persons)
		}
	}
	for k := range ms {
		ms[k].pair = -1
	}
	for k := 0; k+1 < len(ms); k++ {
		a, b := &ms[k], &ms[k+1]
		if a.sentence == b.sentence && strings.TrimSpace(text[a.End:b.Start]) == "," {
			a.pair = k + 1
		}
	}
	return ms, demonyms
}

// firstWord returns the index of the first word of a sentence, skipping
// quotes, bullets and dashes.
func firstWord(toks []token) int {
	for i := range toks {
		if toks[i].word {
			return i
		}
	}
	return -1
}

// runEnd returns the end of the capitalised run starting at i: capitalised
// words, joined by connectors ("of", "de") when a capitalised word
// follows; a possessive ends it.
func runEnd(toks []token, i int) int {
	j := i
	for j < len(toks) {
		t := &toks[j]
		switch {
		case t.word && t.cap:
			j++
			if t.poss > 0 {
				return j
			}
			continue
		case t.word && connectors[strings.ToLower(t.text)] && j > i && j+1 < len(toks) && toks[j+1].word && toks[j+1].cap:
			j++
			continue
		}
		break
	}
	return j
}

// run recognises the names in the capitalised run toks[i:j] and returns
// where scanning goes on.
func (p *Parser) run(text string, toks []token, i, j, si, first int, ms *[]mention, demonyms map[string]int, persons map[string]bool) int {
	lower := func(k int) string { return strings.ToLower(toks[k].base()) }
	// A dateline: all-caps words at the start of the text's line, then a comma.
	if i == first && toks[i].upper && j < len(toks) && (toks[j].text == "," || toks[j].text == "(" || toks[j].text == "—") && (toks[i].Start == 0 || text[toks[i].Start-1] == '\n') {
		name := titleCase(text[toks[i].Start:toks[j-1].End])
		if c := p.g.Lookup(name); len(c) > 0 {
			*ms = append(*ms, mention{Span: Span{toks[i].Start, toks[j-1].End}, sentence: si, name: name, cands: c, dateline: true, initial: true})
			k := j + 1
			if toks[j].text == "," && k < len(toks) && toks[k].word && toks[k].cap {
				e := runEnd(toks, k)
				n := text[toks[k].Start:toks[e-1].End]
				if c := p.g.Lookup(n); len(c) > 0 {
					*ms = append(*ms, mention{Span: Span{toks[k].Start, toks[e-1].End}, sentence: si, name: n, cands: c, dateline: true})
					return e
				}
			}
			return j
		}
	}
	// Metonyms: "White House", "Kremlin", "Downing Street".
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			b.WriteByte('_')
		}
		b.WriteString(lower(k))
	}
	joined := b.String()
	for k := i; k < j && k < i+3; k++ {
		if metonyms[lower(k)] || strings.Contains(joined, "white_house") || strings.Contains(joined, "downing_street") {
			return j
		}
	}
	if notPlaces[joined] {
		return j
	}
	// "said Victoria Mwansa": a full name after "said" is a person.
	if i > 0 && saidVerbs[strings.ToLower(toks[i-1].text)] && j-i >= 2 && i != first {
		for a := i; a < j; a++ {
			if connectors[lower(a)] {
				break
			}
			persons[lower(a)] = true
		}
		return j
	}
	// Organisations, events and buildings: a run with an organisation word.
	// "Centre for Volcanology", "Institute for …": an organisation
	// whose name goes on after a lower-case "for".
	if j-i == 1 && orgWords[lower(i)] && j+1 < len(toks) && strings.EqualFold(toks[j].text, "for") && toks[j+1].cap {
		return runEnd(toks, j+1)
	}
	for k := i; k < j; k++ {
		w := lower(k)
		if !orgWords[w] || (k == i && j-i == 1) {
			continue
		}
		if !p.govOrg(toks, i, j) {
			return j
		}
		// A state body: the country it names is mentioned.
		for a := i; a < j; a++ {
			for l := min(4, j-a); l >= 1; l-- {
				n := text[toks[a].Start:toks[a+l-1].End]
				for _, e := range p.g.Lookup(n) {
					if e.Kind == gazetteer.KindCountry {
						*ms = append(*ms, mention{Span: Span{toks[a].Start, toks[a+l-1].End}, sentence: si, name: n, cands: []*gazetteer.Entry{e}, inOrg: true})
						return j
					}
				}
			}
		}
		return j
	}
	for k := i; k < j; {
		// The segment of the run around k, between connectors: "Mark
		// Kelly" in "Mark Kelly of Arizona".
		segI, segJ := k, k
		for segI > i && !connectors[strings.ToLower(toks[segI-1].text)] {
			segI--
		}
		for segJ < j && !connectors[strings.ToLower(toks[segJ].text)] {
			segJ++
		}
		w := lower(k)
		if titles[w] {
			// A title: the rest of the segment is a person ("Prime
			// Minister Benjamin Netanyahu"); after a connector the run
			// may go on to a place ("Speaker Mike Johnson of Louisiana").
			// The person's names are remembered: "Rocha said" later is
			// Governor Rubén Rocha Moya, not Rocha, Uruguay.
			for a := k + 1; a < segJ; a++ {
				if !titles[lower(a)] {
					persons[lower(a)] = true
				}
			}
			k = segJ + 1
			continue
		}
		if k == first && (commonWords[w] || notNameStart[w]) {
			k++
			continue
		}
		// The longest place name starting at k.
		best, bestLen := []*gazetteer.Entry(nil), 0
		for l := min(6, j-k); l >= 1; l-- {
			if connectors[strings.ToLower(toks[k+l-1].text)] {
				continue
			}
			end := toks[k+l-1].End - toks[k+l-1].poss
			if c := p.g.Lookup(text[toks[k].Start:end]); len(c) > 0 {
				best, bestLen = c, l
				break
			}
		}
		// The longest demonym.
		demLen, demCC := 0, ""
		for l := min(3, j-k); l >= 1; l-- {
			if cc, ok := p.g.Demonym(text[toks[k].Start:toks[k+l-1].End]); ok {
				demLen, demCC = l, cc
				break
			}
		}
		if demLen > 0 && demLen >= bestLen {
			demonyms[demCC]++
			k += demLen
			continue
		}
		if bestLen == 0 {
			k++
			continue
		}
		last := k + bestLen - 1
		// A partial match inside a run of capitalised words is a person
		// or an organisation ("Vladimir Putin", "Adam Parsons"), unless
		// the rest are directions.
		// A place inside a feature's name the gazetteer lacks: "Benue
		// River", "Niger Delta", "Gulf of Finland".
		if n := last + 1; n < segJ && featureNouns[lower(n)] || featureNouns[lower(k)] && bestLen == 1 && last+2 < j && lower(last+1) == "of" {
			return j
		}
		if bestLen == 1 && segJ-segI > 1 && !p.restIsNames(text, toks, segI, segJ, k, last, first) {
			for a := segI; a < segJ; a++ {
				if a != k && !titles[lower(a)] {
					persons[lower(a)] = true
				}
			}
			// Go on after the segment's connector: "Mark Kelly of
			// Arizona" still names Arizona.
			k = segJ + 1
			continue
		}
		m := mention{Span: Span{toks[k].Start, toks[last].End - toks[last].poss}, sentence: si, cands: best, possessive: toks[last].poss > 0, initial: k == first}
		m.name = text[m.Start:m.End]
		if !p.accept(text, toks, k, last, first, &m, persons) {
			k = last + 1
			continue
		}
		p.context(toks, k, last, &m)
		if len(m.cands) > 0 {
			*ms = append(*ms, m)
		}
		k = last + 1
	}
	return j
}

// govOrg reports whether the organisation run toks[i:j] is a state body.
func (p *Parser) govOrg(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if govOrgWords[strings.ToLower(toks[k].base())] {
			return true
		}
	}
	return false
}

// restIsNames reports whether the words of the run outside the match
// toks[k..last] are directions, demonyms or place names themselves.
func (p *Parser) restIsNames(text string, toks []token, i, j, k, last, first int) bool {
	for a := i; a < j; a++ {
		if a >= k && a <= last {
			continue
		}
		w := toks[a].base()
		if directions[strings.ToLower(w)] || titles[strings.ToLower(w)] {
			continue
		}
		if _, ok := p.g.Demonym(w); ok {
			continue
		}
		if a == i && (commonWords[strings.ToLower(w)] || a == first && a+1 == k) {
			// A sentence's first word is capitalised whatever it is:
			// "Neighbouring Togo" names Togo.
			continue
		}
		if p.prominent(p.g.Lookup(w)) {
			continue
		}
		return false
	}
	return true
}

// prominentCity is the population from which a city's name is taken as
// a place beside another name in one capitalised run: "Adam Parsons" is a
// person although Adam (Oman) and Parsons (Kansas) are towns.
const prominentCity = 100_000

// prominent reports whether any of the entries is a country, region or
// sea, or a city of at least prominentCity people.
func (p *Parser) prominent(es []*gazetteer.Entry) bool {
	for _, e := range es {
		if e.Kind != gazetteer.KindCity || e.Population >= prominentCity {
			return true
		}
	}
	return false
}

// afterOpenQuote reports whether the text just before offset i is an
// opening quotation mark: the word at i begins a quoted sentence.
func afterOpenQuote(text string, i int) bool {
	before := strings.TrimRight(text[:i], " ")
	if strings.HasSuffix(before, "—") || strings.HasSuffix(before, "–") {
		return true // after a dateline's dash: "KYIV (AP) — More than…"
	}
	return strings.HasSuffix(before, "“") || strings.HasSuffix(before, "‘") || strings.HasSuffix(before, "\"") && (len(before) == 1 || strings.ContainsAny(before[len(before)-2:len(before)-1], " :\n("))
}

// accept applies the rejections to a matched name toks[k..last].
func (p *Parser) accept(text string, toks []token, k, last, first int, m *mention, persons map[string]bool) bool {
	w := strings.ToLower(m.name)
	top := m.cands[0]
	big := false // a country, admin-1, sea or region among the candidates
	for _, e := range m.cands {
		if e.Kind != gazetteer.KindCity {
			big = true
		}
	}
	// Contractions: "I'll", "We'd".
	if contraction(m.name) {
		return false
	}
	// Abbreviations ("Ill.", "Ga.") match only when written with the dot.
	if k == last && (last+1 >= len(toks) || toks[last+1].text != ".") {
		m.cands = undotted(m.cands, m.name)
		if len(m.cands) == 0 {
			return false
		}
		top = m.cands[0]
	}
	// A person's name after "called", "named", "codename".
	if b := k - 1; b >= 0 && !toks[b].word && b > 0 {
		b--
		if personCues[strings.ToLower(toks[b].text)] {
			return false
		}
	} else if b >= 0 && personCues[strings.ToLower(toks[b].text)] {
		return false
	}
	// Sentence-initial common words (a quotation opens a sentence too:
	// he said: “We have…”); lower-case-word cities.
	initial := k == first || afterOpenQuote(text, toks[k].Start)
	if initial && (commonWords[w] || lowerCaseCities[w]) {
		return false
	}
	// A lone word opening a sentence that only small towns are called is
	// a common word ("Farmers blocked roads"), not Farmers, Kentucky.
	if initial && k == last && !p.prominent(m.cands) && !strings.Contains(text[toks[k].End:], " "+m.name) {
		return false
	}
	// Months, weekdays, directions and organisations are never places on
	// their own ("last August", "its Western allies", "Hamas").
	if k == last && (neverAlone[w] || pointFeatures[w]) {
		return false
	}
	if lowerCaseCities[w] && !big && k == last && !toks[k].cap {
		return false
	}
	// Acronyms: only countries ("US", "UK").
	if toks[k].upper && k == last {
		if top.Kind != gazetteer.KindCountry {
			return false
		}
	}
	// "X said": a person, unless X is a national capital, which stands
	// for its government ("Tallinn would ask", "Moscow said") and is
	// kept: the reader's map shows where that government sits.
	capital := false
	for _, e := range m.cands {
		capital = capital || e.Feature == "PPLC"
	}
	// "traders in Dubai said": after a preposition it is the place.
	afterPrep := k > 0 && toks[k-1].word && placePrepositions[strings.ToLower(toks[k-1].text)]
	// A word met earlier in a person's name ("Governor Rubén Rocha
	// Moya" … "Rocha said") is that person, unless a country or after
	// "in".
	if k == last && !afterPrep && persons[w] {
		country := false
		for _, e := range m.cands {
			country = country || e.Kind == gazetteer.KindCountry
		}
		if !country {
			return false
		}
	}
	if k == last && !big && !afterPrep && !capital {
		if n := nextWord(toks, last+1); n >= 0 && speechVerbs[strings.ToLower(toks[n].text)] {
			return false
		}
		if k > 0 && saidVerbs[strings.ToLower(toks[k-1].text)] {
			return false
		}
	}
	_ = text
	return true
}

// context records the cues around a mention toks[k..last]: designator,
// modifier, preposition, "the Russian region of".
func (p *Parser) context(toks []token, k, last int, m *mention) {
	if n := last + 1; n < len(toks) && toks[n].word {
		if d, ok := designators[strings.ToLower(toks[n].text)]; ok && toks[last].poss == 0 {
			m.des = d
			m.End = toks[n].End
		}
	}
	// "the Niger river", "the Niger and Benue rivers": the river, when
	// the gazetteer knows it.
	if n := last + 1; m.des == desNone && toks[last].poss == 0 {
		for n < len(toks) && toks[n].word && strings.EqualFold(toks[n].text, "and") {
			n = runEnd(toks, n+1)
		}
		noun := ""
		if n < len(toks) && toks[n].word && !toks[n].cap {
			noun = strings.TrimSuffix(strings.ToLower(toks[n].text), "s")
		}
		if pointFeatures[noun] {
			feature := m.name + " " + strings.ToUpper(noun[:1]) + noun[1:]
			if c := p.g.Lookup(feature); len(c) > 0 {
				m.cands = c
				m.name = feature
				if n == last+1 {
					m.End = toks[n].End
				}
			} else {
				m.cands = nil // a feature the gazetteer lacks, not the place of its name
			}
		}
	}
	// "the Kharkiv and Zaporizhzhia regions": a plural designator after
	// "X and Y" makes both regions.
	if m.des == desNone {
		if d := pluralDesignator(toks, last+1); d != desNone {
			m.des = d
		}
	}
	if b := k - 1; m.des == desNone && b >= 1 && strings.EqualFold(toks[b].text, "and") {
		if d := pluralDesignator(toks, last+1); d != desNone {
			m.des = d
		}
	}
	b := k - 1
	if b >= 0 && toks[b].word && directions[strings.ToLower(toks[b].text)] {
		m.modifier = strings.ToLower(toks[b].text)
		b--
	}
	// "the Russian region of Kursk"
	if b >= 1 && strings.EqualFold(toks[b].text, "of") && toks[b-1].word {
		if d, ok := designators[strings.ToLower(toks[b-1].text)]; ok {
			m.des = d
			b -= 2
			if b >= 0 {
				if cc, ok := p.g.Demonym(toks[b].text); ok {
					m.hint = cc
					b--
				}
			}
		}
	}
	if b >= 0 && (strings.EqualFold(toks[b].text, "the") || strings.EqualFold(toks[b].text, "a")) {
		b--
	}
	if b >= 0 && toks[b].word && strings.EqualFold(toks[b].text, "from") {
		m.origin = true
	}
	if b >= 0 && toks[b].word && speechVerbs[strings.ToLower(toks[b].text)] {
		m.addressee = true // "urged Moscow": spoken to, not where it happens
	}
	if b >= 0 && toks[b].word && eventPrepositions[strings.ToLower(toks[b].text)] {
		m.prep = strings.ToLower(toks[b].text)
		for a := b - 1; a >= 0 && a >= b-7; a-- {
			if !toks[a].word {
				if toks[a].text == "," || toks[a].text == ";" {
					break
				}
				continue
			}
			w := strings.ToLower(toks[a].text)
			if locationNouns[w] || eventWords[w] {
				m.cue = true
				break
			}
		}
	}
}

// titleCase turns "KYIV" into "Kyiv" and "NEW YORK" into "New York".
func titleCase(s string) string {
	rs := []rune(strings.ToLower(s))
	up := true
	for i, r := range rs {
		if up && unicode.IsLetter(r) {
			rs[i] = unicode.ToUpper(r)
		}
		up = !unicode.IsLetter(r)
	}
	return string(rs)
}

// nextWord returns the index of the first word at or after i, skipping
// quotes and commas only; -1 if another mark or the end comes first.
func nextWord(toks []token, i int) int {
	for ; i < len(toks); i++ {
		if toks[i].word {
			return i
		}
		if t := toks[i].text; t != "," && t != "”" && t != "\"" && t != "’" {
			return -1
		}
	}
	return -1
}

// contraction reports whether w is a contraction ("I'll", "don't").
func contraction(w string) bool {
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	for _, end := range []string{"'ll", "'m", "'re", "'ve", "'d", "n't"} {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// undotted keeps the candidates known by written without a dot-only
// abbreviation: "Ill" must not match Illinois's "Ill.".
func undotted(cands []*gazetteer.Entry, written string) []*gazetteer.Entry {
	f := gazetteer.Fold(written)
	var out []*gazetteer.Entry
	for _, e := range cands {
		for _, n := range append([]string{e.Name}, e.Names...) {
			if gazetteer.Fold(n) == f && !strings.HasSuffix(n, ".") {
				out = append(out, e)
				break
			}
		}
	}
	return out
}

// pluralDesignator returns the kind a plural designator names when toks
// from n read "regions", or "and Y regions" (Y one to three capitalised
// words); desNone otherwise.
func pluralDesignator(toks []token, n int) designator {
	if n < len(toks) && toks[n].word && strings.EqualFold(toks[n].text, "and") {
		n++
		for c := 0; c < 3 && n < len(toks) && toks[n].word && toks[n].cap; c++ {
			n++
		}
	}
	if n < len(toks) && toks[n].word {
		return pluralDesignators[strings.ToLower(toks[n].text)]
	}
	return desNone
}
