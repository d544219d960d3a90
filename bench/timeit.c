/*
 * timeit — run a command a few times; print its best wall time, its CPU time
 * and its peak resident memory on one line.
 *
 *   timeit [--runs N] [--in FILE] [--out FILE] [--from 'SHELL COMMAND'] -- PROG ARGS...
 *
 * --in FILE     the command's standard input (default: /dev/null)
 * --from CMD    instead, pipe the standard output of `sh -c CMD` into it
 *               (a generator: the input streams through and is never stored)
 * --out FILE    its standard output (default: /dev/null)
 *
 * Output (one line, key=value, for bench/run to read):
 *   wall=SECONDS cpu=SECONDS rss_kb=KB from_cpu=SECONDS runs=N status=S
 * wall is the best (smallest) over the runs, from clock_gettime(CLOCK_MONOTONIC)
 * around fork..wait of the whole pipeline; cpu is user+system time of PROG
 * alone in that same run (wait4's rusage); rss_kb is PROG's peak resident set
 * (ru_maxrss), the largest over the runs; from_cpu is the generator's CPU
 * time in the best run. A command that fails stops the runs (status != 0).
 *
 * SPDX-License-Identifier: MIT
 */
#define _GNU_SOURCE /* wait4 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double tv_sec(struct timeval tv)
{
    return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

static int open_or_die(const char *path, int flags)
{
    int fd = open(path, flags, 0644);
    if (fd < 0) {
        fprintf(stderr, "timeit: %s: %s\n", path, strerror(errno));
        _exit(127);
    }
    return fd;
}

int main(int argc, char **argv)
{
    const char *in = "/dev/null", *out = "/dev/null", *from = NULL;
    int runs = 1, i;
    double best_wall = -1, best_cpu = -1, best_from_cpu = 0;
    long max_rss = 0;
    int status = 0, done = 0;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (i + 1 < argc && strcmp(argv[i], "--runs") == 0) {
            runs = atoi(argv[++i]);
        } else if (i + 1 < argc && strcmp(argv[i], "--in") == 0) {
            in = argv[++i];
        } else if (i + 1 < argc && strcmp(argv[i], "--out") == 0) {
            out = argv[++i];
        } else if (i + 1 < argc && strcmp(argv[i], "--from") == 0) {
            from = argv[++i];
        } else {
            break;
        }
    }
    if (i >= argc || runs < 1) {
        fputs("usage: timeit [--runs N] [--in FILE] [--out FILE] [--from 'CMD'] -- PROG ARGS...\n", stderr);
        return 2;
    }

    for (int r = 0; r < runs; r++) {
        int pfd[2] = {-1, -1};
        pid_t gen = -1, prog;
        struct rusage ru, gru;
        int ws = 0, gws = 0;
        double t0, wall, cpu, gcpu = 0;

        memset(&gru, 0, sizeof gru);
        t0 = now();
        if (from) {
            if (pipe(pfd) != 0) {
                perror("timeit: pipe");
                return 1;
            }
            gen = fork();
            if (gen == 0) {
                dup2(pfd[1], STDOUT_FILENO);
                close(pfd[0]);
                close(pfd[1]);
                execl("/bin/sh", "sh", "-c", from, (char *)NULL);
                _exit(127);
            }
        }
        prog = fork();
        if (prog == 0) {
            int fi = from ? pfd[0] : open_or_die(in, O_RDONLY);
            int fo = open_or_die(out, O_WRONLY | O_CREAT | O_TRUNC);
            dup2(fi, STDIN_FILENO);
            dup2(fo, STDOUT_FILENO);
            if (from)
                close(pfd[1]);
            execvp(argv[i], argv + i);
            fprintf(stderr, "timeit: %s: %s\n", argv[i], strerror(errno));
            _exit(127);
        }
        if (from) {
            close(pfd[0]);
            close(pfd[1]);
        }
        if (wait4(prog, &ws, 0, &ru) < 0) {
            perror("timeit: wait4");
            return 1;
        }
        if (gen > 0 && wait4(gen, &gws, 0, &gru) < 0) {
            perror("timeit: wait4");
            return 1;
        }
        wall = now() - t0;
        cpu = tv_sec(ru.ru_utime) + tv_sec(ru.ru_stime);
        if (gen > 0)
            gcpu = tv_sec(gru.ru_utime) + tv_sec(gru.ru_stime);
        done++;
        if (ru.ru_maxrss > max_rss)
            max_rss = ru.ru_maxrss;
        if (best_wall < 0 || wall < best_wall) {
            best_wall = wall;
            best_from_cpu = gcpu;
        }
        if (best_cpu < 0 || cpu < best_cpu)
            best_cpu = cpu;
        status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
        if (status == 0 && gen > 0 && !(WIFEXITED(gws) && WEXITSTATUS(gws) == 0))
            status = 125;
        if (status != 0)
            break;
    }
    printf("wall=%.4f cpu=%.4f rss_kb=%ld from_cpu=%.4f runs=%d status=%d\n", best_wall, best_cpu, max_rss,
           best_from_cpu, done, status);
    return status == 0 ? 0 : 1;
}
