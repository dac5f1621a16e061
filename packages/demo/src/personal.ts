// Personal data for one vehicle's owner, derived from its customer number so every file agrees on it.
import { deriveSeed, Rng } from './prng.js';
import { address, idCardMasked, personName, phone, plate } from './names.js';
import type { City } from './roster.js';

export interface Person {
  name: string;
  phone: string;
  address: string;
  idCard: string;
  plate: string;
}

export class People {
  private readonly cache = new Map<number, Person>();

  constructor(
    private readonly seed: number,
    private readonly dealer: string,
    private readonly city: City,
    private readonly maskPhone: boolean,
  ) {}

  of(customerNo: number): Person {
    let p = this.cache.get(customerNo);
    if (!p) {
      const rng = new Rng(deriveSeed(this.seed, 'person', this.dealer, customerNo));
      p = {
        name: personName(rng),
        phone: phone(rng, this.maskPhone),
        address: address(rng, this.city.name, this.city.districts),
        idCard: idCardMasked(rng, this.city.areaCode),
        plate: plate(rng, this.city.plate[0], this.city.plate[1]),
      };
      this.cache.set(customerNo, p);
    }
    return p;
  }
}
