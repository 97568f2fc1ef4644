// Every built-in component registers itself; a new one is one file here plus one import line.
import './view';
import './text';
import './image';
import './button';
import './navigator';
