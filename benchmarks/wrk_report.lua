-- wrk script for benchmarks/load.py: cycles through the paths given after "--" (one list per
-- scenario, so a scenario covers several pages and queries), counts every non-2xx answer
-- (wrk itself counts only >= 400) and prints one JSON line with the figures load.py reports.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for i = 1, #args do paths[i] = args[i] end
  if #paths == 0 then paths[1] = "/" end
  -- Threads start at different places so the database does not see the same query in lockstep.
  counter = math.random(#paths)
  non2xx = 0
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non2xx") end
  local e = summary.errors
  io.write(string.format(
    '\nWRK_JSON {"requests": %d, "duration_us": %d, "non2xx": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, bad, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
