//go:build unix

package loader

import "syscall"

// openFlags make ReadFile's open return at once: a path that became a
// named pipe after it was looked at does not wait for a writer (it is
// refused once open). A regular file reads the same either way.
const openFlags = syscall.O_NONBLOCK
