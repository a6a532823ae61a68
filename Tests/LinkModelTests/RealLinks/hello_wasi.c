// A C program against wasi-libc with one host function left undefined.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern int host_callback(int);
extern int host_data;

static void report(const char *what) { fprintf(stderr, "%s\n", what); }

int main(int argc, char **argv) {
  char buffer[64];
  snprintf(buffer, sizeof buffer, "%d:%s", argc, argc > 0 ? argv[0] : "");
  printf("hello %s %zu\n", buffer, strlen(buffer));
  char *copy = strdup(buffer);
  if (!copy) report("out of memory");
  free(copy);
  return host_callback(argc) + (argc > 5 ? host_data : 0);
}
