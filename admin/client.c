#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "client.h"
#include "conf.h"
#include "db.h"
#include "dbadmin.h"

int
client_options(const char *progname, const struct db *db, char *path,
    size_t len)
{
	const char	*dir = getenv("TMPDIR");
	FILE		*f;
	int		 fd, n;

	n = snprintf(path, len, "%s/tracker-admin.XXXXXX",
	    dir != NULL && *dir != '\0' ? dir : "/tmp");
	if (n < 0 || (size_t)n >= len) {
		fprintf(stderr, "%s: $TMPDIR is too long\n", progname);
		return -1;
	}
	/* mkstemp creates the file 0600: the password is never on argv. */
	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		fprintf(stderr, "%s: %s: %s\n", progname, path, strerror(errno));
		if (fd != -1) {
			close(fd);
			unlink(path);
		}
		return -1;
	}
	if (dba_write_client_options(f, db->conf, db->host) == -1 || fclose(f) == EOF) {
		fprintf(stderr, "%s: %s: %s\n", progname, path, strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}

int
client_pipe(int p[2])
{
	if (pipe(p) == -1)
		return -1;
	if (fcntl(p[0], F_SETFD, FD_CLOEXEC) == -1 ||
	    fcntl(p[1], F_SETFD, FD_CLOEXEC) == -1) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	return 0;
}

static void
move_fd(int from, int to)
{
	if (from != to && (dup2(from, to) == -1 || close(from) == -1))
		_exit(127);
}

pid_t
client_spawn(const char *progname, const char *name, const char *alt,
    const char **args, int in, int out)
{
	pid_t	 pid;

	if ((pid = fork()) == -1) {
		fprintf(stderr, "%s: fork: %s\n", progname, strerror(errno));
		return -1;
	}
	if (pid > 0)
		return pid;
	move_fd(in, STDIN_FILENO);
	move_fd(out, STDOUT_FILENO);
	signal(SIGPIPE, SIG_DFL);
	args[0] = name;
	execvp(name, (char *const *)args);
	if (errno == ENOENT && alt != NULL) {
		args[0] = alt;
		execvp(alt, (char *const *)args);
	}
	fprintf(stderr, "%s: cannot run %s: %s (install mariadb-client)\n",
	    progname, name, strerror(errno));
	_exit(127);
}

int
client_wait(const char *progname, const char *what, pid_t pid)
{
	int	 status;

	while (waitpid(pid, &status, 0) == -1)
		if (errno != EINTR) {
			fprintf(stderr, "%s: waitpid: %s\n", progname,
			    strerror(errno));
			return -1;
		}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status))
		fprintf(stderr, "%s: %s failed (exit status %d)\n", progname,
		    what, WEXITSTATUS(status));
	else
		fprintf(stderr, "%s: %s was killed by signal %d\n", progname,
		    what, WTERMSIG(status));
	return -1;
}
