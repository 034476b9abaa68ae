/* dirtier MiB [MiB/s]: keeps rewriting every 4 KiB page of a MiB-sized buffer with non-zero data, so a
 * live migration has pages to re-send. Rate 0 means as fast as the vCPU allows. Built static for the guest. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    size_t mib = argc > 1 ? (size_t)atol(argv[1]) : 64;
    long rate = argc > 2 ? atol(argv[2]) : 0;
    size_t n = mib << 20;
    volatile unsigned long *p = malloc(n);
    unsigned long gen = 1;
    struct timespec t0, t1;

    if (p == NULL) {
        printf("CP-DIRTY failed: cannot allocate %zu MiB\n", mib);
        return 1;
    }
    printf("CP-DIRTY %zu MiB rate=%ld MiB/s\n", mib, rate);
    fflush(stdout);
    for (;; gen++) {
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (size_t i = 0; i < n / sizeof *p; i += 4096 / sizeof *p)
            p[i] = gen * 0x9E3779B97F4A7C15UL + i;
        if (rate > 0) {
            double elapsed, want = (double)mib / (double)rate;
            clock_gettime(CLOCK_MONOTONIC, &t1);
            elapsed = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
            if (want > elapsed)
                usleep((useconds_t)((want - elapsed) * 1e6));
        }
    }
}
