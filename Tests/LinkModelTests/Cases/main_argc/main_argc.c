int __main_argc_argv(int, char **);
int _start(void) { return __main_argc_argv(0, 0); }
