import { nearestIds } from '@twinhelm/solver';
console.log(nearestIds('PU88', ['PU1','PU2','PU3','PU4','PU5','PU6','PU7','PU8','PU9','PU10','PU11']));
