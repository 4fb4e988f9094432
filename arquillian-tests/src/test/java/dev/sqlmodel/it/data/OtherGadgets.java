package dev.sqlmodel.it.data;

import jakarta.data.repository.DataRepository;
import jakarta.data.repository.Repository;
import java.util.List;

/** A repository another Jakarta Data provider implements: no class is generated and no bean exists. */
@Repository(provider = "another provider")
public interface OtherGadgets extends DataRepository<Gadget, Long> {
    List<Gadget> findByName(String name);
}
