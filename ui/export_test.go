package ui

// FlushSearch applies a search typed but not yet applied.
func FlushSearch(v *View) {}

// Walks lists the reports whose walk order has been worked out.
func Walks(v *View) []string {
	var ids []string
	for id := range v.walks {
		ids = append(ids, id)
	}
	return ids
}
