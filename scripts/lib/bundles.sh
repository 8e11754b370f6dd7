# Sourced by scripts/build and scripts/test: the browser's bundles as src/app.rs names them
# (`BUNDLES`), one "name features" line each.
bundles() {
  sed -n '/^pub const BUNDLES/,/;$/p' src/app.rs | grep -o '("[^"]*", "[^"]*")' |
    sed -E 's/^\("([^"]*)", "([^"]*)"\)$/\1 \2/'
}
