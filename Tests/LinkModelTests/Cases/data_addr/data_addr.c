extern int dat;
int *volatile sink;
void _start(void) { sink = &dat; }
