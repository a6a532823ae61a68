void target_missing(void);
extern int data_missing;
__attribute__((noinline)) static void via_table(void) { target_missing(); }
void (*const table[])(void) = { via_table };
int *const dptrs[] = { &data_missing };
void (*const *volatile sink)(void);
int *const *volatile dsink;
void _start(void) { sink = table; dsink = dptrs; }
