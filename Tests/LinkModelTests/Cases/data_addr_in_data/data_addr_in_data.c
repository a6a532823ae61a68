extern int dat;
int *const ptr = &dat;
int *const *volatile sink;
void _start(void) { sink = &ptr; }
