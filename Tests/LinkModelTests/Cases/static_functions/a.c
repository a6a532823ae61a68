__attribute__((noinline)) static int helper(void) { return 1; }
int use_b(void);
int _start(void) { return helper() + use_b(); }
