void sidefile_fn(void);
void not_listed(void);
extern int sidefile_data;
int _start(void) { sidefile_fn(); not_listed(); return sidefile_data; }
