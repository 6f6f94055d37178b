# Shell functions for the install and backup tests: one request to a
# tracker program in a CGI environment, run either as CGI (the binary
# itself) or through a FastCGI socket (cgi-fcgi from libfcgi-bin, which
# passes its environment and standard input as the request), and a demo
# login through them.  Needs $INST_CONF, the tracker.conf to use.

# inst_request RUNNER METHOD URI [BODY] [COOKIE]: prints the response,
# CGI style (headers, an empty line, the body).  RUNNER is a command line
# word-split on purpose: "path/auth.fcgi" or "cgi-fcgi -bind -connect S".
inst_request() {
	_run=$1 _method=$2 _uri=$3 _body=${4:-} _cookie=${5:-}
	_len=""
	[ -n "$_body" ] && _len=${#_body}
	printf '%s' "$_body" | env -i PATH="$PATH" TRACKER_CONF="$INST_CONF" \
	    GATEWAY_INTERFACE=CGI/1.1 SERVER_PROTOCOL=HTTP/1.1 \
	    SERVER_NAME=localhost SERVER_PORT=80 HTTP_HOST=localhost \
	    REMOTE_ADDR=127.0.0.1 REQUEST_METHOD="$_method" \
	    REQUEST_URI="$_uri" SCRIPT_NAME="" PATH_INFO="${_uri%%\?*}" \
	    QUERY_STRING="" CONTENT_LENGTH="$_len" \
	    CONTENT_TYPE=application/x-www-form-urlencoded \
	    HTTP_COOKIE="$_cookie" $_run
}

# The value of cookie $2 set in response file $1.
inst_cookie() {
	sed -n "s/^Set-Cookie: $2=\([^;]*\).*/\1/p" "$1" | tr -d '\r' | head -1
}

# inst_login AUTH_RUNNER DIR: log in as demo/demo; prints the session
# cookie's value (empty if the login failed).  Responses are kept in DIR.
inst_login() {
	inst_request "$1" GET /login >"$2/login-form.txt"
	_token=$(inst_cookie "$2/login-form.txt" tracker_login)
	inst_request "$1" POST /login \
	    "csrf=$_token&username=demo&password=demo" \
	    "tracker_login=$_token" >"$2/login-post.txt"
	inst_cookie "$2/login-post.txt" tracker_session
}
