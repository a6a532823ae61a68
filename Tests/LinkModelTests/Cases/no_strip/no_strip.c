void kept_missing(void);
void dropped_missing(void);
__attribute__((used)) static void kept(void) { kept_missing(); }
static void dropped(void) { dropped_missing(); }
void (*volatile never)(void);
void _start(void) {}
void global_kept_missing(void);
__attribute__((used)) void kept_global(void) { global_kept_missing(); }
