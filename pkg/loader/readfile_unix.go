//go:build unix

package loader

import (
	"io/fs"
	"os"
	"slices"
	"syscall"
)

// readFile reads a regular file with the system calls alone. Package os
// hands every file it opens to the runtime's network poller: on Linux
// four fcntl calls and an epoll_ctl that fails for a regular file, about
// a fifth of the time a 20 KB map takes to read. Anything else (a
// directory, a pipe, a device) goes through package os as before.
func readFile(path string, limit int64) ([]byte, error) {
	fd, err := openReadOnly(path)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	var st syscall.Stat_t
	if err := retryEINTR(func() error { return syscall.Fstat(fd, &st) }); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return readOpened(os.NewFile(uintptr(fd), path), limit)
	}
	defer syscall.Close(fd)
	// The size is known: refuse a large file unread, and read it into one
	// buffer, one byte larger so the read that finds its end needs no
	// other.
	if st.Size > limit {
		return nil, tooLarge(limit)
	}
	buf := make([]byte, 0, st.Size+1)
	for {
		if len(buf) == cap(buf) { // it grew since fstat
			buf = slices.Grow(buf, 4096)
		}
		var n int
		err := retryEINTR(func() (err error) {
			n, err = syscall.Read(fd, buf[len(buf):cap(buf)])
			return err
		})
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > limit {
			return nil, tooLarge(limit)
		}
	}
}

func openReadOnly(path string) (fd int, err error) {
	err = retryEINTR(func() error {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		return err
	})
	return fd, err
}

// retryEINTR runs a system call again while a signal interrupts it, as
// package os does.
func retryEINTR(call func() error) error {
	for {
		if err := call(); err != syscall.EINTR {
			return err
		}
	}
}
