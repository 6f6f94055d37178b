-- wrk script for bench/run.sh: every request saves a new engagement
-- through the real form, with a logged-in session, its CSRF token and the
-- form's other fields from the environment (BENCH_COOKIE, BENCH_CSRF,
-- BENCH_FORM).  With BENCH_PEOPLE (space-separated pairs "mp,official"),
-- each save links the next pair in turn, so the run's saves name many
-- people as a team's do, not the same two every time.  A save answers 303.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
wrk.body = "csrf=" .. os.getenv("BENCH_CSRF") .. os.getenv("BENCH_FORM")

local pairs_ = {}
for pair in string.gmatch(os.getenv("BENCH_PEOPLE") or "", "%S+") do
	local body = ""
	for id in string.gmatch(pair, "%d+") do
		body = body .. "&person_id=" .. id
	end
	pairs_[#pairs_ + 1] = body
end

-- Each of wrk's threads (bench/run.sh runs 2) starts at its own half of
-- the pairs: setup() runs once a thread in the main state.  (math.random
-- would start every thread at the same place, LuaJIT's seed being fixed.)
local threads = 0
function setup(thread)
	thread:set("first", threads)
	threads = threads + 1
end

local next_pair = 0
function init(args)
	next_pair = (first or 0) * math.floor(#pairs_ / 2)
end

function request()
	if #pairs_ == 0 then
		return wrk.format()
	end
	next_pair = next_pair % #pairs_ + 1
	return wrk.format(nil, nil, nil, wrk.body .. pairs_[next_pair])
end
