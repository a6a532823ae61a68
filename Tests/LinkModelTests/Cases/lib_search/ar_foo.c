void foo_missing(void);
void foo(void) { foo_missing(); }
