void pfun(void);
void pfun_addr(void);
extern int pdat;
void (*volatile sink)(void);
int _start(void) { sink = pfun_addr; pfun(); return pdat; }
