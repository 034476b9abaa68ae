/* pwrbtn: waits for the ACPI power button (KEY_POWER on any /dev/input/event*) and powers the guest off,
 * so QMP system_powerdown shuts the test guest down gracefully. busybox has no usable acpid setup here. */
#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <stdio.h>
#include <sys/reboot.h>
#include <unistd.h>

int main(void)
{
    struct pollfd fds[16];
    int n = 0;

    for (int attempt = 0; attempt < 50 && n == 0; attempt++) {
        for (int i = 0; i < 16; i++) {
            char path[32];
            snprintf(path, sizeof path, "/dev/input/event%d", i);
            int fd = open(path, O_RDONLY);
            if (fd >= 0) {
                fds[n].fd = fd;
                fds[n].events = POLLIN;
                n++;
            }
        }
        if (n == 0)
            usleep(100000);
    }
    if (n == 0) {
        printf("CP-PWRBTN none\n");
        return 1;
    }
    for (;;) {
        if (poll(fds, (nfds_t)n, -1) < 0)
            continue;
        for (int i = 0; i < n; i++) {
            struct input_event ev;
            if (!(fds[i].revents & POLLIN))
                continue;
            if (read(fds[i].fd, &ev, sizeof ev) == (ssize_t)sizeof ev &&
                ev.type == EV_KEY && ev.code == KEY_POWER && ev.value == 1) {
                printf("CP-POWERDOWN\n");
                fflush(stdout);
                sync();
                reboot(RB_POWER_OFF);
            }
        }
    }
}
