package textfmt

// Format is an output format of one kind of result (check results, score
// reports, diffs): its name on the command line and its writer.
type Format[W any] struct {
	Name  string
	Write W
}

// Names lists the names of formats, in their order.
func Names[W any](formats []Format[W]) []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.Name
	}
	return names
}

// Lookup returns the format of a name.
func Lookup[W any](formats []Format[W], name string) (Format[W], bool) {
	for _, f := range formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format[W]{}, false
}
