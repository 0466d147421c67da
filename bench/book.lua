-- wrk script for the booking storms (bench/booking-storm.sh, bench/instances.sh): each wrk
-- thread books its own share of the slot list (SLOTS_FILE, "slot_id citizen_id" lines) as
-- TOKEN: thread k of THREADS takes lines k, k+n, …. The counts of 201, 409 and anything else
-- are printed at the end as "created C conflicts K other O".
local counter = 0
local threads = {}
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  pairs_ = {}
  local n = tonumber(os.getenv("THREADS"))
  local i = 0
  for line in io.lines(os.getenv("SLOTS_FILE")) do
    if i % n == id then table.insert(pairs_, line) end
    i = i + 1
  end
  next_ = 1
  created, conflicts, other = 0, 0, 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end
function request()
  local line = pairs_[next_]
  if line == nil then line = pairs_[1] end  -- list used up: repeats must all answer 409
  next_ = next_ + 1
  local slot, citizen = line:match("(%S+) (%S+)")
  return wrk.format(nil, "/api/v1/meetings", nil,
    '{"citizen_id":"' .. citizen .. '","slot_id":"' .. slot .. '","channel":"in_person"}')
end
function response(status)
  if status == 201 then created = created + 1
  elseif status == 409 then conflicts = conflicts + 1
  else other = other + 1 end
end
function done(summary, latency, requests)
  local c, k, o = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created"); k = k + t:get("conflicts"); o = o + t:get("other")
  end
  io.write(string.format("created %d conflicts %d other %d\n", c, k, o))
end
