//go:build !unix

package loader

import "os"

func readFile(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	return readOpened(f, limit)
}
