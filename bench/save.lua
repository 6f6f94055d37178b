-- wrk script for bench/run.sh: every request saves a new engagement
-- through the real form, with a logged-in session, its CSRF token and the
-- form's other fields from the environment (BENCH_COOKIE, BENCH_CSRF,
-- BENCH_FORM).  A save answers 303.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
wrk.body = "csrf=" .. os.getenv("BENCH_CSRF") .. os.getenv("BENCH_FORM")
