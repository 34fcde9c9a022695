// Package atlastest makes synthetic places files for tests and benchmarks.
package atlastest

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
)

// reports are the report ids the generated excerpts quote.
var reports = []string{"kursk-troops", "dunkirk-boat", "gaza-ceasefire", "dunkirk-camp"}

// Generate writes a FeatureCollection of n Point features with ids, names,
// roles, kinds and one or two excerpts each, at random positions drawn from
// seed. The same n and seed always give the same bytes. A feature is about
// 376 bytes.
func Generate(w io.Writer, n int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString(`{"type":"FeatureCollection","reports":[`)
	for i, r := range reports {
		if i > 0 {
			bw.WriteByte(',')
		}
		fmt.Fprintf(bw, `{"id":%q,"title":"Report %d","source":"Generated","file":"reports/%s.txt"}`, r, i, r)
	}
	bw.WriteString("],\"features\":[\n")
	kinds := []string{"city", "region", "country", "sea", "area"}
	var buf []byte
	for i := range n {
		if i > 0 {
			bw.WriteString(",\n")
		}
		lon := rng.Float64()*360 - 180
		lat := rng.Float64()*170 - 85
		role := "mentioned"
		if rng.IntN(20) == 0 {
			role = "setting"
		}
		buf = buf[:0]
		buf = append(buf, `{"type":"Feature","geometry":{"type":"Point","coordinates":[`...)
		buf = strconv.AppendFloat(buf, lon, 'f', 5, 64)
		buf = append(buf, ',')
		buf = strconv.AppendFloat(buf, lat, 'f', 5, 64)
		buf = append(buf, `]},"properties":{"id":"place-`...)
		buf = strconv.AppendInt(buf, int64(i), 10)
		buf = append(buf, `","name":"Place `...)
		buf = strconv.AppendInt(buf, int64(i), 10)
		buf = append(buf, `","role":"`...)
		buf = append(buf, role...)
		buf = append(buf, `","kind":"`...)
		buf = append(buf, kinds[rng.IntN(len(kinds))]...)
		buf = append(buf, `","excerpts":[`...)
		for e := range 1 + rng.IntN(2) {
			if e > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, `{"report":"`...)
			buf = append(buf, reports[rng.IntN(len(reports))]...)
			buf = append(buf, `","text":"Place `...)
			buf = strconv.AppendInt(buf, int64(i), 10)
			buf = append(buf, ` is named here, in a sentence about as long as a quoted line from a report.”"}`...)
		}
		buf = append(buf, "]}}"...)
		bw.Write(buf)
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}
