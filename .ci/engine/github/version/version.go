package version

// Version is set via -ldflags.
var Version string
