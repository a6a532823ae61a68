void member_ctor_missing(void);
__attribute__((constructor)) static void member_init(void) { member_ctor_missing(); }
void member_fn(void) {}
