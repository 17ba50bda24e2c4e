import { AtliqTopList } from '@atliq/components/elements';
import { type AtliqComponent, wrap } from '../wrap.ts';

/** `<atliq-top-list>`: the top members of a dimension. Alone: `import { TopList } from '@atliq/react/top-list'`. */
export const TopList: AtliqComponent<AtliqTopList, 'atliq-top-list'> = wrap('atliq-top-list', AtliqTopList, 'TopList');
