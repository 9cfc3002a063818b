-- The wrk side of bench/load-in-child.ts (BENCH_LOAD=wrk): each connection sends the next GET of
-- the paths file (one path a line, taken in turn) as soon as the last answer is in, with
-- BENCH_TOKEN as a bearer token when it is set. At the end, one line for load-in-child.ts to read:
-- WRK_RESULT <requests> <duration µs> <p50> <p90> <p99> <max µs> <status ≥ 400> <socket errors>.
local paths = {}
local next_path = 0

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  local token = os.getenv("BENCH_TOKEN")
  if token and token ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. token
  end
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("WRK_RESULT %d %d %d %d %d %d %d %d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write + e.timeout))
end
