// Emulates a disk whose flush is slow, for benchmarks only: every fsync and fdatasync of a process
// started with LD_PRELOAD=libslowsync.so sleeps SLOW_FSYNC_US microseconds, then does the real call.
// Build: gcc -shared -fPIC -O2 -o libslowsync.so slowsync.c -ldl (docs/benchmarks.md, "A disk whose flush is slow").
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>
#include <time.h>
static long delay_us(void) {
    static long d = -1;
    if (d < 0) { const char *e = getenv("SLOW_FSYNC_US"); d = e ? atol(e) : 0; }
    return d;
}
static void wait_a_while(void) {
    long d = delay_us();
    if (d > 0) { struct timespec t = { d / 1000000, (d % 1000000) * 1000 }; nanosleep(&t, NULL); }
}
int fsync(int fd) {
    static int (*real)(int) = 0;
    if (!real) real = dlsym(RTLD_NEXT, "fsync");
    wait_a_while();
    return real(fd);
}
int fdatasync(int fd) {
    static int (*real)(int) = 0;
    if (!real) real = dlsym(RTLD_NEXT, "fdatasync");
    wait_a_while();
    return real(fd);
}
