extern int ddat;
void dfunc(void);
int *const dead_ptr = &ddat;
void (*const dead_fptr)(void) = dfunc;
void _start(void) {}
